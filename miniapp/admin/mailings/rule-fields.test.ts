/**
 * The rule editor's fields and the paths they show: a 422's `variants.0.text` lands at variant A's text and is named
 * in words ("Вариант A: текст (русский)"), not as the generic "a field must not be empty".
 */
import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../api/client.ts';
import { mailingsMessages } from '../i18n-mailings.ts';
import { officeMessages } from '../i18n-office.ts';
import type { OfficeServices } from '../use-office.ts';
import type { NewRule } from './mailing-api.ts';
import { blankProblems, fieldOf, problemNames, refusedProblems, ruleFields } from './rule-fields.ts';

const rule = (variants: NewRule['variants'], name = 'Напомнить'): NewRule => ({
  name,
  stage: 'opened',
  notStage: 'joined',
  minHours: 24,
  channel: 'message',
  variants,
});

const office = (language: 'ru' | 'en') => ({ language, t: officeMessages[language] as OfficeServices['t'] });

/** The server's 422 for an empty main text (server/http/field-issues.ts). */
const emptyText = new ApiRequestError(422, 'invalid_input', 'Invalid input', {
  issues: [
    {
      path: 'variants.0.text',
      message: 'Too small',
      code: 'too_small',
      params: { limit: 1, origin: 'string', inclusive: 1 },
    },
  ],
});

describe('rule fields', () => {
  it("puts a 422 at variants.0.text under variant A's Russian text and names it in words (ru, en)", () => {
    const draft = rule([{ key: 'A', text: '', texts: {} }]);
    for (const [language, name, words] of [
      ['ru', 'Вариант A: текст (русский)', 'поле не может быть пустым'],
      ['en', 'Variant A: text (Russian)', 'a field must not be empty'],
    ] as const) {
      const fields = ruleFields(mailingsMessages[language], draft);
      const problems = refusedProblems(emptyText, office(language));
      expect(problems).toHaveLength(1);
      expect(fieldOf(fields, 'variants.0.text')?.id).toBe('variants.0.texts.ru');
      expect(problems[0]?.text).toContain(words);
      expect(problemNames(fields, problems)).toEqual([name]);
    }
  });

  it('puts the main text at the English box when only English is written, and each path at its own field', () => {
    const draft = rule([
      { key: 'A', text: '', texts: { ru: 'Привет' } },
      { key: 'B', text: '', texts: { en: 'Hi' } },
    ]);
    const fields = ruleFields(mailingsMessages.ru, draft);
    expect(fieldOf(fields, 'variants.1.text')?.id).toBe('variants.1.texts.en');
    expect(fieldOf(fields, 'variants.1.fragment')?.name).toBe('Вариант B: куда ведёт кнопка');
    expect(fieldOf(fields, 'variants.0.key')?.name).toBe('Вариант A');
    expect(fieldOf(fields, 'variants')?.id).toBe('variants');
    expect(fieldOf(fields, 'segment.tags.3')?.id).toBe('segment.tags');
    expect(fieldOf(fields, 'nameless')).toBeUndefined();
  });

  it('names each field once, and a path no field shows as it is', () => {
    const draft = rule([{ key: 'A', text: '', texts: {} }]);
    const fields = ruleFields(mailingsMessages.en, draft);
    const names = problemNames(fields, [
      { path: 'variants.0.texts.ru', text: 'too long' },
      { path: 'variants.0.text', text: 'too long' },
      { path: 'name', text: 'empty' },
      { path: 'odd', text: 'what' },
    ]);
    expect(names).toEqual(['Name', 'Variant A: text (Russian)', 'odd: what']);
  });

  it('finds the blanks a save would be refused for: the name, a variant with no text in any language', () => {
    const m = mailingsMessages.ru;
    expect(blankProblems(m, rule([{ key: 'A', text: '', texts: { en: 'Hi' } }]))).toEqual([]);
    const blanks = blankProblems(m, rule([{ key: 'A', text: '', texts: { ru: '  ' } }], ' '));
    expect(blanks.map((b) => b.path)).toEqual(['name', 'variants.0.text']);
    expect(problemNames(ruleFields(m, rule([{ key: 'A', text: '', texts: {} }])), blanks)).toEqual([
      'Название',
      'Вариант A: текст (русский)',
    ]);
  });

  it('a name or a text of only zero-width or control characters is as blank as none (the server says blank_text)', () => {
    const m = mailingsMessages.ru;
    const blanks = blankProblems(
      m,
      rule([{ key: 'A', text: '\u200B', texts: { ru: '\u2060\u00AD', en: '\u3164' } }], '\u200B'),
    );
    expect(blanks.map((b) => b.path)).toEqual(['name', 'variants.0.text']);
  });
});
