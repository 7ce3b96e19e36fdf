/**
 * A campaign document path (`settings.quiz.questions.0.text.ru`, the `path` of the server's problems and of a save's
 * field issues) as the editor's form names that field: «Вопрос 1 · RU», «Задание 2 · Проходной балл», in the office's
 * language, from the same strings the form's labels use. Every path the server can name reads as words: a field the
 * form does not show is named by the nearest part of the document it belongs to, and a path outside the document by
 * `fieldOther`, never as the bare code a manager does not know (`endsAt`).
 */
import { MAX_RESET_HOUR } from '../../../server/promo/campaign-day.ts';
import { DEFAULT_QUIZ_TASK_ATTEMPTS, MAX_QUIZ_TASK_ATTEMPTS } from '../../../server/promo/quiz/quiz-bounds.ts';
import type { Messages } from '../../i18n.ts';
import { fill } from '../../i18n-fill.ts';
import type { Language } from '../../intl-formats.ts';
import { drawOfficeEn, drawOfficeRu } from '../i18n-draw.ts';
import { type OfficeMessages, officeRu } from '../i18n-office.ts';

type Words = Messages & OfficeMessages;

/** A part of the document: its name (`n` is an item's 1-based number), and what lies inside it. */
interface Part {
  name?: (t: Words, n: number, language: Language) => string;
  /** Kept before the names of fields inside it: «Задание 2 · …» says which task. */
  scope?: true;
  /** A `{ ru, en }` text: the language that follows is named as the form's tab names it, «· RU». */
  bilingual?: true;
  /** The same part for every index (a list's items). */
  item?: Part;
  fields?: Readonly<Record<string, Part>> | ((name: string) => Part | undefined);
}

/** The bounds a task config label names are the server's own (quiz-bounds.ts), never copies. */
const LABEL_BOUNDS = { max: MAX_QUIZ_TASK_ATTEMPTS, default: DEFAULT_QUIZ_TASK_ATTEMPTS };

/**
 * A task kind's config field as the form labels it (`cfg_<name>`, bounds filled in); the name itself for a field the
 * office has no words for.
 */
export function taskConfigLabel(t: Words, name: string): string {
  const template = (t as Record<string, string>)[`cfg_${name}`];
  return template === undefined ? name : fill(template, LABEL_BOUNDS);
}

const named = (name: (t: Words, n: number, language: Language) => string, more: Omit<Part, 'name'> = {}): Part => ({
  name,
  ...more,
});
const text = (name: (t: Words) => string): Part => ({ name, bilingual: true });
/** A text whose label is its holder's (a question's text is labelled «Вопрос 1»). */
const unnamedText: Part = { bilingual: true };
const list = (item: Part, name?: Part['name']): Part => ({ name, item });

const question: Part = {
  name: (t, n) => fill(t.question, { n }),
  scope: true,
  fields: {
    text: unnamedText,
    options: list({ name: (t, n) => fill(t.option, { n }), scope: true, fields: { text: unnamedText } }),
    correct: list({}, (t) => t.correct),
    multiple: named((t) => t.multiple),
    points: named((t) => t.points),
  },
};
const questions = list(question, (t) => t.quiz);

const task: Part = {
  name: (t, n) => fill(t.fieldTask, { n }),
  scope: true,
  fields: {
    kind: named((t) => t.kind),
    title: text((t) => t.title),
    description: text((t) => t.description),
    attemptsGranted: named((t) => t.attemptsGranted),
    config: {
      // A config field with no label in the office (none today: TASK_CONFIG_FIELDS is typed by kind) is its task's.
      fields: (name) =>
        name === 'questions'
          ? questions
          : Object.hasOwn(officeRu, `cfg_${name}`)
            ? { name: (t) => taskConfigLabel(t, name) }
            : undefined,
    },
  },
};

const reward: Part = {
  name: (t, n) => fill(t.fieldReward, { n }),
  scope: true,
  fields: {
    title: text((t) => t.title),
    description: text((t) => t.description),
    howToUse: text((t) => t.howToUse),
    poolKey: named((t) => t.pool),
    stock: named((t) => t.stockLimit),
    dailyCap: named((t) => t.dailyCap),
    weight: named((t) => t.weight),
    perUserLimit: named((t) => t.perUserLimit),
    unlock: {
      name: (t) => t.unlock,
      fields: { tasks: named((t) => t.unlockTasksCount), of: list({}) },
    },
  },
};

const band: Part = {
  name: (t, n) => fill(t.fieldBand, { n }),
  scope: true,
  fields: {
    minScore: named((t) => t.minScore),
    rewardKey: named((t) => t.bandReward),
    title: text((t) => t.title),
    text: text((t) => t.description),
  },
};

/** A help-screen question (server/support/faq.ts): the question's text is labelled by its row, as the form's is. */
const faqItem: Part = {
  name: (t, n) => fill(t.faqItem, { n }),
  scope: true,
  fields: { q: unnamedText, a: text((t) => t.faqAnswer) },
};

const drawWords = (language: Language) => (language === 'en' ? drawOfficeEn : drawOfficeRu);

/** The document as the form lays it out (server/office/campaigns/campaign-document.ts is its shape). */
const DOCUMENT: Part = {
  fields: {
    mechanic: named((t) => t.fieldMechanic),
    slug: named((t) => t.fieldSlug),
    legalType: named((t) => t.legalType),
    title: text((t) => t.title),
    description: text((t) => t.description),
    rulesText: text((t) => t.rulesText),
    startsAt: named((t) => t.startsAt),
    endsAt: named((t) => t.endsAt),
    timeZone: named((t) => t.timeZone),
    theme: {
      name: (t) => t.theme,
      fields: { accent: named((t) => t.accent), coverUrl: named((t) => t.coverUrl) },
    },
    settings: {
      fields: {
        organizer: text((t) => t.organizer),
        quiz: {
          name: (t) => t.quiz,
          fields: { questions, bands: list(band, (t) => t.bands) },
        },
        wheel: {
          name: (t) => t.wheel,
          fields: {
            dailyFreeAttempts: named((t) => t.dailyFreeAttempts),
            dailyAttemptLimit: named((t) => t.dailyAttemptLimit),
            // The campaign day's hour whatever the mechanic (promo-context.ts resetHourOf): one name wherever it shows.
            resetHour: named((t) => fill(t.dayResetHour, { max: MAX_RESET_HOUR })),
            loseWeight: named((t) => t.loseWeight),
            loseLabel: text((t) => t.loseLabel),
          },
        },
        resetHour: named((t) => fill(t.dayResetHour, { max: MAX_RESET_HOUR })),
        instantWin: { name: (t) => t.instantWin, fields: { mode: named((t) => t.instantWinMode) } },
        faq: list(faqItem, (t) => t.faqSection),
        packCode: {
          name: (t) => t.mechanic_code,
          scope: true,
          fields: { poolKey: named((t) => t.pool), loseWeight: named((t) => t.packCodeLoseWeight) },
        },
        draw: {
          name: (t) => t.sectionDraw,
          scope: true,
          fields: {
            drawAt: named((_t, _n, language) => drawWords(language).drawAt),
            winners: named((_t, _n, language) => drawWords(language).winners),
            reserves: named((_t, _n, language) => drawWords(language).reserves),
            requiredTaskKeys: list({}, (t) => t.tasks),
          },
        },
      },
    },
    tasks: list(task, (t) => t.tasks),
    rewards: list(reward, (t) => t.rewards),
    pools: list({ name: (t, n) => fill(t.fieldPool, { n }), scope: true }, (t) => t.sectionPools),
  },
};

function child(part: Part, segment: string): Part | undefined {
  if (part.item && /^\d+$/.test(segment)) return part.item;
  if (typeof part.fields === 'function') return part.fields(segment);
  return part.fields && Object.hasOwn(part.fields, segment) ? part.fields[segment] : undefined;
}

/**
 * The words for a document path in the office's language.
 * @example fieldLabel('endsAt', officeRu, 'ru') // 'Окончание'
 * @example fieldLabel('settings.quiz.questions.0.text.ru', officeRu, 'ru') // 'Вопрос 1 · RU'
 * @example fieldLabel('tasks.1.config.passScore', officeEn, 'en') // 'Task 2 · Pass score'
 */
export function fieldLabel(path: string, t: Words, language: Language): string {
  const segments = path.split('.');
  const walked: { part: Part; n: number }[] = [];
  let part: Part | undefined = DOCUMENT;
  let i = 0;
  for (; i < segments.length; i++) {
    const segment = segments[i] as string;
    const next: Part | undefined = child(part, segment);
    if (!next) break;
    walked.push({ part: next, n: Number(segment) + 1 });
    part = next;
  }
  const words = walked
    .filter(({ part: p }, k) => p.scope && k < walked.length - 1)
    .map(({ part: p, n }) => p.name?.(t, n, language) as string);
  // The field's own name, or else that of the nearest part holding it that is not named already.
  for (let k = walked.length - 1; k >= 0; k--) {
    const { part: p, n } = walked[k] as { part: Part; n: number };
    if (!p.name) continue;
    if (!(p.scope && k < walked.length - 1)) words.push(p.name(t, n, language));
    break;
  }
  if (words.length === 0) return t.fieldOther;
  const rest = segments.slice(i);
  const language_ = rest.length === 1 && (rest[0] === 'ru' || rest[0] === 'en') ? rest[0] : undefined;
  if (language_ && walked.at(-1)?.part.bilingual) words.push(language_.toUpperCase());
  return words.join(' · ');
}
