/**
 * The problems list named a problem's field by its document path («Ошибка · endsAt»,
 * «settings.quiz.questions.0.text.ru»), which a brand manager does not read. Now by the form's own labels, in both
 * office languages, for every path a campaign document has (the paths the server's problems and shape checks name).
 */
import { describe, expect, it } from 'vitest';
import { CampaignContentSchema } from '../../../server/office/campaigns/campaign-document.ts';
import { TEMPLATES } from '../../../server/office/templates/index.ts';
import { messages } from '../../i18n.ts';
import { officeMessages } from '../i18n-office.ts';
import { fieldLabel } from './field-label.ts';

const t = { ru: { ...messages.ru, ...officeMessages.ru }, en: { ...messages.en, ...officeMessages.en } };
const label = (path: string, language: 'ru' | 'en' = 'ru') => fieldLabel(path, t[language], language);

/** Every path inside a value: its containers as well as its leaves (problems name both: `rewards`, `settings.quiz`). */
function paths(value: unknown, at = ''): string[] {
  if (value === null || typeof value !== 'object') return at ? [at] : [];
  const inner = Object.entries(value).flatMap(([k, v]) => paths(v, at ? `${at}.${k}` : k));
  return at ? [at, ...inner] : inner;
}

describe("a problem's field in words", () => {
  it('is named as the form labels it, with the card it is in', () => {
    expect(label('endsAt')).toBe('Окончание');
    expect(label('endsAt', 'en')).toBe('Ends');
    expect(label('settings.quiz.questions.0.text.ru')).toBe('Вопрос 1 · RU');
    expect(label('settings.quiz.questions.2.options.1.text.en', 'en')).toBe('Question 3 · Option 2 · EN');
    expect(label('settings.quiz.questions.0.correct.1')).toBe('Вопрос 1 · Верный');
    expect(label('title.ru')).toBe('Название · RU');
    expect(label('tasks.1.config.passScore', 'en')).toBe('Task 2 · Pass score');
    // The bounds filled in, as the form's own label has them (never a bare {max}).
    expect(label('tasks.0.config.maxAttempts')).toBe(
      'Задание 1 · Попыток ответить у участника, от 1 до 10 (пусто — 3)',
    );
    expect(label('tasks.3.config.questions.0.correct')).toBe('Задание 4 · Вопрос 1 · Верный');
    expect(label('rewards.0.unlock.of.1')).toBe('Приз 1 · Когда выдаётся');
    expect(label('rewards.2.stock', 'en')).toBe('Prize 3 · Stock (empty: unlimited)');
    expect(label('settings.quiz.bands.1.minScore')).toBe('Итог 2 · От баллов');
    expect(label('settings.wheel.loseWeight')).toBe('Вес сектора «не повезло»');
    expect(label('settings.draw.drawAt')).toBe('Розыгрыш · Время розыгрыша');
    expect(label('settings.draw.requiredTaskKeys.0', 'en')).toBe('Draw · Tasks');
    expect(label('settings.packCode.poolKey')).toBe('Код с упаковки · Пул кодов');
    // Red before: the pack code's lose weight had no field, so its problems read «Код с упаковки» alone.
    expect(label('settings.packCode.loseWeight')).toBe('Код с упаковки · Вес проигрыша');
    expect(label('settings.packCode.loseWeight', 'en')).toBe('Pack code · Weight of losing');
    expect(label('mechanic')).toBe('Механика');
    expect(label('rewards')).toBe('Призы');
  });

  it('the settings the form had no field for (instant-win mode, help questions, day reset hour) are named as their new fields', () => {
    // Red before: each read «Другие настройки акции» / «Other campaign settings».
    expect(label('settings.instantWin.mode')).toBe('Что решает, выиграла ли попытка');
    expect(label('settings.instantWin.mode', 'en')).toBe('What decides whether a play wins');
    expect(label('settings.instantWin')).toBe('Как выигрывают');
    expect(label('settings.resetHour')).toBe('Час начала дня акции, от 0 до 23 (пусто — 0)');
    expect(label('settings.resetHour', 'en')).toBe('Hour the campaign day starts, 0 to 23 (empty: 0)');
    expect(label('settings.faq')).toBe('Вопросы на экране помощи');
    // Decision 095, red before («Час сброса (по часовому поясу акции)»): a campaign whose settings hold a wheel edits
    // the wheel's hour as its day's hour (in «Сроки» when it is no wheel campaign), so its problems name it the same.
    expect(label('settings.wheel.resetHour')).toBe(label('settings.resetHour'));
    expect(label('settings.wheel.resetHour', 'en')).toBe(label('settings.resetHour', 'en'));
    expect(label('settings.faq.0.q.ru')).toBe('Вопрос помощи 1 · RU');
    expect(label('settings.faq.2.a.en', 'en')).toBe('Help question 3 · Answer · EN');
    expect(label('settings.faq.29')).toBe('Вопрос помощи 30');
  });

  it('a path the office has no words for reads as words too, never as the code', () => {
    expect(label('tasks.0.key')).toBe('Задание 1');
    expect(label('tasks.0.config.somethingNew')).toBe('Задание 1');
    expect(label('somethingNew.deep.0')).toBe('Другие настройки акции');
  });

  it('every path of every catalogue document is worded, in both languages', () => {
    for (const template of TEMPLATES) {
      const doc = CampaignContentSchema.parse(template.document(Date.UTC(2026, 5, 1)));
      for (const path of paths(doc)) {
        for (const language of ['ru', 'en'] as const) {
          const words = label(path, language);
          expect(words, `${template.key}: ${path}`).not.toMatch(/[a-z][A-Z]|_|\.\d|^\w+(\.\w+)+$/);
        }
      }
    }
  });
});
