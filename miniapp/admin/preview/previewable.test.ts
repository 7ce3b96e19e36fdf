import { describe, expect, it } from 'vitest';
import {
  MAX_FRIENDS_REQUIRED,
  MAX_LABEL_LENGTH,
  MAX_LINK_LENGTH,
  MAX_TITLE_LENGTH,
} from '../../../server/campaigns/content-bounds.ts';
import type { TaskKind } from '../../../server/db/schema/promo.ts';
import { BilingualSchema } from '../../../server/office/campaigns/campaign-document.ts';
import { MAX_QUIZ_TASK_ATTEMPTS } from '../../../server/promo/quiz/quiz-bounds.ts';
import { QuizSettingsSchema, TaskConfigSchemas } from '../../../server/promo/settings.ts';
import { defaultConfig } from '../editor/task-config-fields.ts';
import type { QuizSettings } from '../office-api.ts';
import { unreadyField } from './previewable.ts';

/** The field the preview waits for (its form path), or null when it sends. */
const waitedPath = (doc: Parameters<typeof unreadyField>[0]) => unreadyField(doc)?.path ?? null;

const unreadyTaskField = (kind: TaskKind, config: Record<string, unknown>) =>
  waitedPath({ settings: {}, tasks: [{ kind, config }] });

const STORY = { imageUrl: 'https://example.com/i.png', link: 'https://example.com' };

/** What a brand's form holds on the way: fresh defaults, links empty, half typed, wrong scheme, typed out. */
const CASES: [TaskKind, Record<string, unknown>][] = [
  ...(Object.keys(TaskConfigSchemas) as TaskKind[]).map((k): [TaskKind, Record<string, unknown>] => [
    k,
    defaultConfig(k, 'codes'),
  ]),
  ['visit_link', {}],
  ['visit_link', { url: 'example' }],
  ['visit_link', { url: 'example.com/page' }],
  ['visit_link', { url: 'javascript:alert(1)' }],
  ['visit_link', { url: 'ftp://example.com' }],
  ['visit_link', { url: `https://example.com/${'a'.repeat(2000)}` }],
  ['visit_link', { url: 'https://exa' }],
  ['visit_link', { url: 'https://example.com/a' }],
  ['share_story', { imageUrl: 'https://example.com/i.png' }],
  ['share_story', { imageUrl: 'https://example.com/i.png', link: 'http://example.com' }],
  ['invite_friends', { friendsRequired: 0 }],
  ['invite_friends', { friendsRequired: 3 }],
  // The server's bounds (content-bounds.ts, quiz-bounds.ts): at them and one past.
  ['invite_friends', { friendsRequired: MAX_FRIENDS_REQUIRED }],
  ['invite_friends', { friendsRequired: MAX_FRIENDS_REQUIRED + 1 }],
  ['share_story', { ...STORY, linkText: 'я'.repeat(MAX_LABEL_LENGTH) }],
  ['share_story', { ...STORY, linkText: 'я'.repeat(MAX_LABEL_LENGTH + 1) }],
  ['share_story', { ...STORY, link: `https://example.com/${'a'.repeat(MAX_LINK_LENGTH - 20)}` }],
  ['share_story', { ...STORY, link: `https://example.com/${'a'.repeat(MAX_LINK_LENGTH - 19)}` }],
  ['join_community', { groupId: 5 }],
];

describe('which task fields the preview waits for', () => {
  it('a task switched to «visit a link» waits for an http(s) address, named by its form path', () => {
    expect(
      waitedPath({
        settings: {},
        tasks: [
          { kind: 'join_community', config: {} },
          { kind: 'visit_link', config: { url: '' } },
        ],
      }),
    ).toBe('tasks.1.config.url');
    expect(unreadyTaskField('visit_link', { url: 'example.com' })).toBe('tasks.0.config.url');
    expect(unreadyTaskField('visit_link', { url: 'https://example.com' })).toBeNull();
  });

  it.each(CASES.map(([kind, config]) => ({ kind, config, shown: JSON.stringify(config).slice(0, 60) })))(
    '$kind $shown: called ready only when the server’s task shape accepts it',
    ({ kind, config }) => {
      const ready = unreadyTaskField(kind, config) === null;
      const accepted = TaskConfigSchemas[kind].safeParse(config).success;
      // Never sent to be refused; a link the server refuses is always waited for.
      if (ready) expect(accepted).toBe(true);
      if (!accepted && /url|link|imageUrl/i.test(JSON.stringify(config))) expect(ready).toBe(false);
    },
  );
});

type Question = QuizSettings['questions'][number];
type Band = QuizSettings['bands'][number];
const both = (ru: string, en = ru) => ({ ru, en });
/** A question as the editor's «Add a question» makes it (QuizQuestions.tsx), then `change`d. */
const added = (change: Partial<Question> = {}): Question => ({
  id: 'q2',
  text: both(''),
  multiple: false,
  points: 1,
  options: [
    { id: 'a', text: both('') },
    { id: 'b', text: both('') },
  ],
  correct: ['a'],
  ...change,
});
const options = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `o${i}`, text: both(`Вариант ${i}`) }));
const written = (change: Partial<Question> = {}) =>
  added({ text: both('Какой?', 'Which?'), options: options(2), ...change });
const bandAdded: Band = { key: 'band1', minScore: 0, title: both(''), text: '' };
const band = (change: Partial<Band> = {}): Band => ({ ...bandAdded, title: both('Фанат', 'Fan'), ...change });

/** The quiz on the way: a question just added and typed field by field, blank-looking texts, bounds; the bands. */
const QUIZZES: [string, Question[], Band[]][] = [
  ['a question just added', [added()], [band()]],
  ['its text typed', [added({ text: both('Какой?', '') })], [band()]],
  [
    'its first option typed',
    [added({ text: both('Какой?'), options: [...options(1), { id: 'b', text: both('') }] })],
    [band()],
  ],
  ['typed out', [written()], [band()]],
  ['no right answer marked', [written({ correct: [] })], [band()]],
  ['two right, multiple', [written({ multiple: true, correct: ['o0', 'o1'] })], [band()]],
  ['negative points', [written({ points: -1 })], [band()]],
  ['no points', [written({ points: 0 })], [band()]],
  ['text only zero-width', [written({ text: '\u200b' })], [band()]],
  ['one language only zero-width', [written({ text: both('\u200b', 'Which?') })], [band()]],
  ['one language only spaces', [written({ text: both('  ', 'Which?') })], [band()]],
  ['a plain text', [written({ text: 'Какой?' })], [band()]],
  ['an option only spaces', [written({ options: [...options(1), { id: 'b', text: both(' ') }] })], [band()]],
  ['one option (an earlier release)', [written({ options: options(1), correct: ['o0'] })], [band()]],
  ['twenty options', [written({ options: options(20) })], [band()]],
  ['twenty-one options', [written({ options: options(21) })], [band()]],
  ['no questions', [], [band()]],
  ['a hundred questions', Array.from({ length: 100 }, () => written()), [band()]],
  ['a hundred and one questions', Array.from({ length: 101 }, () => written()), [band()]],
  ['no bands', [written()], []],
  ['a band just added', [written()], [band(), bandAdded]],
  ['a band’s description written', [written()], [band({ text: both('Спасибо', '') })]],
  ['a band’s description cleared', [written()], [band({ text: both('') })]],
  ['a band’s negative score', [written()], [band({ minScore: -1 })]],
];

describe('which quiz fields the preview waits for', () => {
  it('a question just added waits for its text, then each option, and again when no answer is marked right', () => {
    const waits = (question: Question) =>
      waitedPath({ settings: { quiz: { questions: [written(), question], bands: [band()] } }, tasks: [] });
    expect(waits(added())).toBe('settings.quiz.questions.1.text');
    expect(waits(added({ text: both('Какой?', '') }))).toBe('settings.quiz.questions.1.options.0.text');
    const oneOption = { text: both('Какой?'), options: [...options(1), { id: 'b', text: both('') }] };
    expect(waits(added(oneOption))).toBe('settings.quiz.questions.1.options.1.text');
    expect(waits(written())).toBeNull();
    expect(waits(written({ correct: [] }))).toBe('settings.quiz.questions.1.correct');
    // A quiz task's questions likewise, under its config.
    const task = { kind: 'quiz' as const, config: { passScore: 1, questions: [added()] } };
    expect(waitedPath({ settings: {}, tasks: [task] })).toBe('tasks.0.config.questions.0.text');
  });

  it.each(QUIZZES.map(([name, questions, bands]) => ({ name, questions, bands })))(
    '$name: ready exactly when the server’s quiz shape accepts it, waiting for a field it names',
    ({ questions, bands }) => {
      const asCampaign = waitedPath({ settings: { quiz: { questions, bands } }, tasks: [] });
      const asTask = waitedPath({ settings: {}, tasks: [{ kind: 'quiz', config: { passScore: 1, questions } }] });
      const campaign = QuizSettingsSchema.safeParse({ questions, bands });
      const task = TaskConfigSchemas.quiz.safeParse({ passScore: 1, questions });
      expect(asCampaign === null).toBe(campaign.success);
      expect(asTask === null).toBe(task.success);
      // The field waited for is one the server's refusal names (its path, or one inside it: a text's language).
      const named = (waited: string | null, at: string, issues: { path: PropertyKey[] }[] = []) =>
        waited === null || issues.some((i) => `${at}.${i.path.join('.')}.`.startsWith(`${waited}.`));
      expect(named(asCampaign, 'settings.quiz', campaign.error?.issues)).toBe(true);
      expect(named(asTask, 'tasks.0.config', task.error?.issues)).toBe(true);
    },
  );
});

describe('a band’s description typed and cleared again', () => {
  it('is empty in every language, which the server takes: the preview is sent', () => {
    const quiz = { questions: [written()], bands: [band({ text: both('') })] };
    expect(QuizSettingsSchema.safeParse(quiz).success).toBe(true);
    expect(waitedPath({ settings: { quiz }, tasks: [] })).toBeNull();
    // Blank-looking is still waited for, as the server still refuses it.
    const blank = { questions: [written()], bands: [band({ text: both('\u200b', '') })] };
    expect(QuizSettingsSchema.safeParse(blank).success).toBe(false);
    expect(waitedPath({ settings: { quiz: blank }, tasks: [] })).toBe('settings.quiz.bands.0.text');
  });
});

describe('a quiz task’s attempts', () => {
  const quizTask = (maxAttempts: number | null) => ({ passScore: 1, maxAttempts, questions: [written()] });
  it.each([0, 1, MAX_QUIZ_TASK_ATTEMPTS, MAX_QUIZ_TASK_ATTEMPTS + 1, 99])(
    '%i: ready exactly when the server’s bound takes it',
    (n) => {
      const waited = unreadyTaskField('quiz', quizTask(n));
      expect(waited === null).toBe(TaskConfigSchemas.quiz.safeParse(quizTask(n)).success);
      if (waited !== null) expect(waited).toBe('tasks.0.config.maxAttempts');
    },
  );
  it('empty is the server’s default, not waited for', () => {
    const { maxAttempts: _, ...noAttempts } = quizTask(null);
    expect(unreadyTaskField('quiz', { ...noAttempts, maxAttempts: null })).toBeNull();
    expect(TaskConfigSchemas.quiz.safeParse(noAttempts).success).toBe(true);
  });
});

/** What a brand may leave in a text on the way: empty, spaces (trimmed away), zero-width, a word among them. */
const TEXTS: [string, { ru: string; en: string }][] = [
  ['empty', both('')],
  ['spaces', both('   ', 'Title')],
  ['zero-width', both('\u200b', 'Title')],
  ['zero-width and spaces in English', both('Заголовок', ' \u200b\u2060 ')],
  ['the blank Braille cell', both('\u2800', '')],
  ['a word among them', both('\u200bСлово ', '')],
];

describe('the document’s texts', () => {
  const placed = (text: { ru: string; en: string }) => ({
    title: text,
    settings: {},
    tasks: [{ kind: 'join_community' as const, config: {}, title: both('Вступить'), description: text }],
    rewards: [{ title: both('Скидка'), description: both(''), howToUse: text }],
  });
  it.each(TEXTS.map(([name, text]) => ({ name, text })))(
    '$name: ready exactly when the server’s text shape takes it, waiting at the language it refuses',
    ({ text }) => {
      const accepted = BilingualSchema(MAX_TITLE_LENGTH).safeParse(text);
      const lang = accepted.error?.issues[0]?.path.join('.');
      expect(waitedPath({ settings: {}, tasks: [], title: text })).toBe(accepted.success ? null : `title.${lang}`);
      const task = { kind: 'visit_link' as const, config: { url: 'https://example.com' }, title: text };
      expect(waitedPath({ settings: {}, tasks: [task] })).toBe(accepted.success ? null : `tasks.0.title.${lang}`);
      // In the form's order: the campaign's title first, then the task's description, then the reward's text.
      const { title: _, ...laterOnly } = placed(text);
      expect(waitedPath(placed(text))).toBe(accepted.success ? null : `title.${lang}`);
      expect(waitedPath(laterOnly)).toBe(accepted.success ? null : `tasks.0.description.${lang}`);
      const rewardOnly = { ...laterOnly, tasks: [] };
      expect(waitedPath(rewardOnly)).toBe(accepted.success ? null : `rewards.0.howToUse.${lang}`);
    },
  );

  it('a story’s link text only zero-width is waited for, as the server refuses it', () => {
    const story = (linkText: string) => ({
      imageUrl: 'https://example.com/i.png',
      link: 'https://example.com',
      linkText,
    });
    expect(TaskConfigSchemas.share_story.safeParse(story('\u200b')).success).toBe(false);
    expect(unreadyTaskField('share_story', story('\u200b'))).toBe('tasks.0.config.linkText');
    expect(unreadyTaskField('share_story', story(''))).toBeNull();
    expect(unreadyTaskField('share_story', story('Подробнее'))).toBeNull();
  });
});
