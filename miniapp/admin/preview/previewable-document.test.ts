/**
 * The whole document, as previewable.test.ts checks a task's and a quiz's fields: every state the preview calls ready
 * is one the server's document shape (CampaignContentSchema, the preview route's body) accepts, and the field it waits
 * for is one the server's refusal names; and why it waits (still empty, only invisible characters, too long, out of
 * its bounds), which the pane words differently.
 */
import { describe, expect, it } from 'vitest';
import {
  MAX_DAILY_ATTEMPTS,
  MAX_DRAW_RESERVES,
  MAX_DRAW_WINNERS,
  MAX_FRIENDS_REQUIRED,
  MAX_LABEL_LENGTH,
  MAX_LINK_LENGTH,
  MAX_LOW_STOCK_THRESHOLD,
  MAX_REWARD_WEIGHT,
  MAX_SETTINGS_TEXT_LENGTH,
  MAX_STOCK,
  MAX_TASKS,
  MAX_TITLE_LENGTH,
} from '../../../server/campaigns/content-bounds.ts';
import type { TaskKind } from '../../../server/db/schema/promo.ts';
import { CampaignContentSchema } from '../../../server/office/campaigns/campaign-document.ts';
import { TEMPLATES } from '../../../server/office/templates/index.ts';
import { MAX_RESET_HOUR } from '../../../server/promo/campaign-day.ts';
import {
  MAX_QUESTION_POINTS,
  MAX_QUIZ_SCORE,
  MAX_QUIZ_TASK_ATTEMPTS,
  MAX_SCORE_BANDS,
} from '../../../server/promo/quiz/quiz-bounds.ts';
import { unreadyField } from './previewable.ts';

const both = (ru: string, en = ru) => ({ ru, en });

type Content = ReturnType<typeof CampaignContentSchema.parse>;
type Settings = Content['settings'];
/** Each template's document as the server reads it: the base the edits below start from. */
const BASES = TEMPLATES.map((t) => ({ key: t.key, doc: CampaignContentSchema.parse(t.document(0)) }));
const byKey = (key: string) => structuredClone(BASES.find((b) => b.key === key)?.doc as Content);
const chars = (n: number, c = 'а') => c.repeat(n);
const pool = (name: string) => ({ key: 'extra', name, purpose: 'reward' as const, lowStockThreshold: 0 });
const withPool = (d: Content, name: string) => ({
  ...d,
  pools: [...d.pools, { ...pool(name), total: 0, free: 0, sandbox: false }],
});
const faqItem = (q: { ru: string; en?: string }, a: { ru: string; en?: string } = { ru: 'Ответ' }) => ({ q, a });

type Wheel = NonNullable<Settings['wheel']>;
type PackCode = NonNullable<Settings['packCode']>;
const wheel = (change: Partial<Wheel>) => (d: Content) => ({
  ...d,
  settings: { ...d.settings, wheel: { ...(d.settings.wheel as Wheel), ...change } },
});
const packCode = (change: Partial<PackCode>) => (d: Content) => ({
  ...d,
  settings: { ...d.settings, packCode: { ...(d.settings.packCode as PackCode), ...change } },
});
const firstTask = (change: Partial<Content['tasks'][number]>) => (d: Content) => ({
  ...d,
  tasks: d.tasks.map((t, i) => (i === 0 ? { ...t, ...change } : t)),
});
const everyReward = (change: Partial<Content['rewards'][number]>) => (d: Content) => ({
  ...d,
  rewards: d.rewards.map((r) => ({ ...r, ...change })),
});

type Draw = NonNullable<Settings['draw']>;
const draw = (change: Partial<Draw>) => (d: Content) => ({
  ...d,
  settings: { ...d.settings, draw: { ...(d.settings.draw as Draw), ...change } },
});
type Quiz = NonNullable<Settings['quiz']>;
/** The quiz's settings changed by `change` (on a copy). */
const quiz = (change: (q: Quiz) => void) => (d: Content) => {
  const q = structuredClone(d.settings.quiz as Quiz);
  change(q);
  return { ...d, settings: { ...d.settings, quiz: q } };
};
/** A task of `kind` added after the template's (none has a friends or quiz task). */
const addTask = (kind: TaskKind, config: Record<string, unknown>) => (d: Content) => ({
  ...d,
  tasks: [
    ...d.tasks,
    { ...(d.tasks[0] as Content['tasks'][number]), key: `added-${kind}`, kind, config, position: d.tasks.length },
  ],
});
const QUESTION = {
  id: 'q1',
  text: 'Какой?',
  multiple: false,
  points: 1,
  options: [
    { id: 'a', text: 'А' },
    { id: 'b', text: 'Б' },
  ],
  correct: ['a'],
};
/** At a bound and one past it. */
const atAndPast = (bound: number) => [bound, bound + 1] as const;

/** `n` tasks: the template's first, copied under fresh keys. */
const tasksOf = (d: Content, n: number) =>
  Array.from({ length: n }, (_, i) => ({ ...(d.tasks[0] as Content['tasks'][number]), key: `t${i}`, position: i }));

type Edit = [string, string, (d: Content) => Content];

/** Numbers as the form sends them: typed past the spinner's bounds, or emptied (null where the field allows none). */
const NUMBER_EDITS: Edit[] = [
  ['a wheel reset hour at its bound', 'wheel-instant', wheel({ resetHour: MAX_RESET_HOUR })],
  ['a wheel reset hour past its bound', 'wheel-instant', wheel({ resetHour: MAX_RESET_HOUR + 1 })],
  ['a wheel daily limit of none', 'wheel-instant', wheel({ dailyAttemptLimit: 0 })],
  ['a wheel lose weight negative', 'wheel-instant', wheel({ loseWeight: -1 })],
  ['a pack code with no pool chosen', 'pack-code', packCode({ poolKey: '' })],
  ['a pack code lose weight negative', 'pack-code', packCode({ loseWeight: -1 })],
  ['a task granting a hundred attempts', 'tasks-reward', firstTask({ attemptsGranted: 100 })],
  ['a task granting a hundred and one', 'tasks-reward', firstTask({ attemptsGranted: 101 })],
  ['a prize’s stock emptied', 'tasks-reward', everyReward({ stock: null })],
  ['a prize’s stock negative', 'tasks-reward', everyReward({ stock: -1 })],
  ['a prize’s daily cap of none', 'tasks-reward', everyReward({ dailyCap: 0 })],
  ['a prize’s weight past its bound', 'wheel-instant', everyReward({ weight: 1_000_001 })],
  ['a prize’s per-person limit past its bound', 'wheel-instant', everyReward({ perUserLimit: 1001 })],
  ['a prize for a negative number of tasks', 'tasks-reward', everyReward({ unlock: { tasks: -1 } })],
  [
    'the day’s reset hour past its bound',
    'tasks-reward',
    (d) => ({ ...d, settings: { ...d.settings, resetHour: 24 } }),
  ],
  ...atAndPast(MAX_QUESTION_POINTS).map(
    (n): Edit => [
      `a question’s ${n} points`,
      'quiz-tiers',
      quiz((q) => {
        (q.questions[0] as Quiz['questions'][number]).points = n;
      }),
    ],
  ),
  ...atAndPast(MAX_QUIZ_SCORE).map(
    (n): Edit => [
      `a band from ${n}`,
      'quiz-tiers',
      quiz((q) => {
        (q.bands[1] as Quiz['bands'][number]).minScore = n;
      }),
    ],
  ),
  ...atAndPast(MAX_SCORE_BANDS).map(
    (n): Edit => [
      `${n} score bands`,
      'quiz-tiers',
      quiz((q) => {
        q.bands = Array.from({ length: n }, (_, i) => ({ ...(q.bands[0] as Quiz['bands'][number]), key: `b${i}` }));
      }),
    ],
  ),
  ...atAndPast(MAX_QUIZ_SCORE).map(
    (n): Edit => [
      `a quiz task passed at ${n}`,
      'tasks-reward',
      addTask('quiz', { passScore: n, questions: [QUESTION] }),
    ],
  ),
  ...atAndPast(MAX_FRIENDS_REQUIRED).map(
    (n): Edit => [`${n} friends to invite`, 'tasks-reward', addTask('invite_friends', { friendsRequired: n })],
  ),
  ...atAndPast(MAX_DAILY_ATTEMPTS).map(
    (n): Edit => [
      `${n} free spins a day`,
      'wheel-instant',
      wheel({ dailyFreeAttempts: n, dailyAttemptLimit: MAX_DAILY_ATTEMPTS }),
    ],
  ),
  ...atAndPast(MAX_DAILY_ATTEMPTS).map(
    (n): Edit => [`${n} spins a day`, 'wheel-instant', wheel({ dailyAttemptLimit: n })],
  ),
  ...atAndPast(MAX_REWARD_WEIGHT).map(
    (n): Edit => [`a wheel lose weight ${n}`, 'wheel-instant', wheel({ loseWeight: n })],
  ),
  ...atAndPast(MAX_REWARD_WEIGHT).map(
    (n): Edit => [`a pack code lose weight ${n}`, 'pack-code', packCode({ loseWeight: n })],
  ),
  ...atAndPast(MAX_STOCK).map((n): Edit => [`a prize’s stock ${n}`, 'tasks-reward', everyReward({ stock: n })]),
  ...atAndPast(MAX_STOCK).map((n): Edit => [`a prize’s daily cap ${n}`, 'tasks-reward', everyReward({ dailyCap: n })]),
  ...atAndPast(MAX_TASKS).map(
    (n): Edit => [`a prize for ${n} tasks`, 'tasks-reward', everyReward({ unlock: { tasks: n } })],
  ),
  ...atAndPast(MAX_DRAW_WINNERS).map((n): Edit => [`a draw of ${n} winners`, 'giveaway-draw', draw({ winners: n })]),
  ...atAndPast(MAX_DRAW_RESERVES).map((n): Edit => [`a draw of ${n} reserves`, 'giveaway-draw', draw({ reserves: n })]),
  ['a draw of no winners', 'giveaway-draw', draw({ winners: 0 })],
  ['a draw of half a winner', 'giveaway-draw', draw({ winners: 1.5 })],
  ...atAndPast(MAX_LOW_STOCK_THRESHOLD).map(
    (n): Edit => [
      `a pool’s threshold ${n}`,
      'tasks-reward',
      (d) => ({ ...d, pools: d.pools.map((p) => ({ ...p, lowStockThreshold: n })) }),
    ],
  ),
  ['fifty tasks', 'tasks-reward', (d) => ({ ...d, tasks: tasksOf(d, 50) })],
  ['fifty-one tasks', 'tasks-reward', (d) => ({ ...d, tasks: tasksOf(d, 51) })],
  [
    'fifty-one prizes',
    'tasks-reward',
    (d) => ({
      ...d,
      rewards: Array.from({ length: 51 }, (_, i) => ({ ...d.rewards[0], key: `r${i}` }) as Content['rewards'][number]),
    }),
  ],
  [
    'twenty-one pools',
    'tasks-reward',
    (d) => ({
      ...d,
      pools: Array.from({ length: 21 }, (_, i) => ({ ...d.pools[0], key: `p${i}` }) as Content['pools'][number]),
    }),
  ],
];

/**
 * Edits a brand makes on the way, each to a template's document: texts at and past their bounds (counted after
 * trimming, as the server does), texts only zero-width, the optional settings texts cleared or blank, a help question
 * just added, a pool's name, a cover half typed.
 */
const EDITS: Edit[] = [
  ['title at its bound', 'tasks-reward', (d) => ({ ...d, title: { ru: chars(200), en: '' } })],
  ['title past its bound', 'tasks-reward', (d) => ({ ...d, title: { ru: chars(201), en: '' } })],
  ['title at its bound, spaces around', 'tasks-reward', (d) => ({ ...d, title: { ru: ` ${chars(200)}  `, en: '' } })],
  ['English title past its bound', 'tasks-reward', (d) => ({ ...d, title: { ru: 'Акция', en: chars(201, 'a') } })],
  ['description past its bound', 'quiz-tiers', (d) => ({ ...d, description: { ru: chars(2001), en: '' } })],
  ['rules at their bound', 'wheel-instant', (d) => ({ ...d, rulesText: { ru: chars(20_000), en: '' } })],
  ['rules past their bound', 'wheel-instant', (d) => ({ ...d, rulesText: { ru: chars(20_001), en: '' } })],
  [
    'a task title past its bound',
    'tasks-reward',
    (d) => ({ ...d, tasks: d.tasks.map((t, i) => (i === 0 ? { ...t, title: { ru: chars(201), en: '' } } : t)) }),
  ],
  [
    'a reward’s how-to-use past its bound',
    'tasks-reward',
    (d) => ({ ...d, rewards: d.rewards.map((r) => ({ ...r, howToUse: { ru: chars(2001), en: '' } })) }),
  ],
  [
    'organiser zero-width',
    'tasks-reward',
    (d) => ({ ...d, settings: { ...d.settings, organizer: both('\u200b', '') } }),
  ],
  ['organiser plain zero-width', 'tasks-reward', (d) => ({ ...d, settings: { ...d.settings, organizer: '\u2060' } })],
  ['organiser cleared', 'tasks-reward', (d) => ({ ...d, settings: { ...d.settings, organizer: both('') } })],
  [
    'organiser written',
    'tasks-reward',
    (d) => ({ ...d, settings: { ...d.settings, organizer: both('ООО «Вкус»', '') } }),
  ],
  ['organiser very long', 'tasks-reward', (d) => ({ ...d, settings: { ...d.settings, organizer: both(chars(5000)) } })],
  ...atAndPast(MAX_SETTINGS_TEXT_LENGTH).map(
    (n): Edit => [
      `organiser of ${n}`,
      'tasks-reward',
      (d) => ({ ...d, settings: { ...d.settings, organizer: both(chars(n), '') } }),
    ],
  ),
  ...atAndPast(MAX_SETTINGS_TEXT_LENGTH).map(
    (n): Edit => [
      `a question of ${n}`,
      'quiz-tiers',
      quiz((q) => {
        (q.questions[0] as Quiz['questions'][number]).text = both(chars(n), 'Which?');
      }),
    ],
  ),
  ...atAndPast(MAX_LABEL_LENGTH).map(
    (n): Edit => [
      `an option of ${n}`,
      'quiz-tiers',
      quiz((q) => {
        const option = (q.questions[0] as Quiz['questions'][number]).options[1] as { text: unknown };
        option.text = both('Б', chars(n, 'b'));
      }),
    ],
  ),
  ...atAndPast(MAX_LABEL_LENGTH).map(
    (n): Edit => [
      `a band title of ${n}`,
      'quiz-tiers',
      quiz((q) => {
        (q.bands[0] as Quiz['bands'][number]).title = both(chars(n));
      }),
    ],
  ),
  ...atAndPast(MAX_SETTINGS_TEXT_LENGTH).map(
    (n): Edit => [
      `a band description of ${n}`,
      'quiz-tiers',
      quiz((q) => {
        (q.bands[0] as Quiz['bands'][number]).text = chars(n);
      }),
    ],
  ),
  [
    'a question’s picture on http',
    'quiz-tiers',
    quiz((q) => Object.assign(q.questions[0] as object, { imageUrl: 'http://example.com/q.png' })),
  ],
  [
    'a question’s picture',
    'quiz-tiers',
    quiz((q) => Object.assign(q.questions[0] as object, { imageUrl: 'https://example.com/q.png' })),
  ],
  ...atAndPast(MAX_LINK_LENGTH).map(
    (n): Edit => [
      `a question’s picture of ${n}`,
      'quiz-tiers',
      quiz((q) =>
        Object.assign(q.questions[0] as object, { imageUrl: `https://example.com/${chars(n - 24, 'a')}.png` }),
      ),
    ],
  ),
  ...atAndPast(MAX_LABEL_LENGTH).map(
    (n): Edit => [`a lose label of ${n}`, 'wheel-instant', wheel({ loseLabel: both(chars(n)) })],
  ),
  ...atAndPast(MAX_SETTINGS_TEXT_LENGTH).map(
    (n): Edit => [
      `a draw prize of ${n}`,
      'giveaway-draw',
      (d) => ({
        ...d,
        settings: {
          ...d.settings,
          draw: { ...(d.settings.draw as NonNullable<Settings['draw']>), prize: both('', chars(n, 'p')) },
        },
      }),
    ],
  ),
  ...atAndPast(MAX_LABEL_LENGTH).map(
    (n): Edit => [
      `a story button of ${n}`,
      'giveaway-draw',
      (d) => ({
        ...d,
        tasks: d.tasks.map((t) =>
          t.kind === 'share_story' ? { ...t, config: { ...t.config, linkText: chars(n) } } : t,
        ),
      }),
    ],
  ),
  [
    'lose label zero-width',
    'wheel-instant',
    (d) => ({
      ...d,
      settings: {
        ...d.settings,
        wheel: { ...(d.settings.wheel as NonNullable<Settings['wheel']>), loseLabel: both('\u200b') },
      },
    }),
  ],
  [
    'lose label cleared',
    'wheel-instant',
    (d) => ({
      ...d,
      settings: {
        ...d.settings,
        wheel: { ...(d.settings.wheel as NonNullable<Settings['wheel']>), loseLabel: both('') },
      },
    }),
  ],
  [
    'draw prize zero-width',
    'giveaway-draw',
    (d) => ({
      ...d,
      settings: {
        ...d.settings,
        draw: { ...(d.settings.draw as NonNullable<Settings['draw']>), prize: both('', '\u200b') },
      },
    }),
  ],
  [
    'draw prize written',
    'giveaway-draw',
    (d) => ({
      ...d,
      settings: {
        ...d.settings,
        draw: { ...(d.settings.draw as NonNullable<Settings['draw']>), prize: both('Телефон', '') },
      },
    }),
  ],
  [
    'a help question just added',
    'tasks-reward',
    (d) => ({ ...d, settings: { ...d.settings, faq: [faqItem({ ru: '' }, { ru: '' })] } }),
  ],
  [
    'a help question, its answer empty',
    'tasks-reward',
    (d) => ({ ...d, settings: { ...d.settings, faq: [faqItem({ ru: 'Как?' }, { ru: '' })] } }),
  ],
  [
    'a help question written',
    'tasks-reward',
    (d) => ({ ...d, settings: { ...d.settings, faq: [faqItem({ ru: 'Как?' })] } }),
  ],
  [
    'a help question zero-width',
    'tasks-reward',
    (d) => ({ ...d, settings: { ...d.settings, faq: [faqItem({ ru: '\u200b' })] } }),
  ],
  [
    'a help question’s English spaces',
    'tasks-reward',
    (d) => ({ ...d, settings: { ...d.settings, faq: [faqItem({ ru: 'Как?', en: '  ' })] } }),
  ],
  [
    'a help answer past its bound',
    'tasks-reward',
    (d) => ({ ...d, settings: { ...d.settings, faq: [faqItem({ ru: 'Как?' }, { ru: chars(2001) })] } }),
  ],
  ['a pool named', 'tasks-reward', (d) => withPool(d, 'Промокоды')],
  ['a pool’s name empty', 'tasks-reward', (d) => withPool(d, '')],
  ['a pool’s name zero-width', 'tasks-reward', (d) => withPool(d, '\u200b')],
  ['a pool’s name past its bound', 'tasks-reward', (d) => withPool(d, chars(201))],
  ['a cover half typed', 'tasks-reward', (d) => ({ ...d, theme: { ...d.theme, coverUrl: 'example.com/c' } })],
  ['a cover on http', 'tasks-reward', (d) => ({ ...d, theme: { ...d.theme, coverUrl: 'http://example.com/c.png' } })],
  ['a cover', 'tasks-reward', (d) => ({ ...d, theme: { ...d.theme, coverUrl: 'https://example.com/c.png' } })],
  ...NUMBER_EDITS,
];

describe('the whole document: states called ready here are accepted there', () => {
  it.each(BASES.map(({ key, doc }) => ({ key, doc })))(
    '$key as the template makes it: ready and accepted',
    ({ doc }) => {
      expect(unreadyField(doc)).toBeNull();
    },
  );

  it.each(EDITS.map(([name, key, edit]) => ({ name, doc: edit(byKey(key)) })))(
    '$name: ready exactly when the server’s document shape accepts it, waiting for a field it names',
    ({ doc }) => {
      const waited = unreadyField(doc)?.path ?? null;
      const parsed = CampaignContentSchema.safeParse(doc);
      expect(waited === null).toBe(parsed.success);
      const issues = parsed.error?.issues ?? [];
      if (waited) expect(issues.some((i) => `${i.path.join('.')}.`.startsWith(`${waited}.`))).toBe(true);
    },
  );
});

describe('why the preview waits', () => {
  const doc = (change: Partial<Content>) => ({ ...byKey('tasks-reward'), ...change });
  it('a field still empty, one only invisible, one too long and one out of its bounds are told apart', () => {
    const task = (kind: TaskKind, config: Record<string, unknown>) =>
      unreadyField({ settings: {}, tasks: [{ kind, config }] });
    expect(task('visit_link', { url: '' })).toEqual({ path: 'tasks.0.config.url', reason: 'empty' });
    expect(task('visit_link', { url: 'example.com' })).toEqual({ path: 'tasks.0.config.url', reason: 'invalid' });
    const question = {
      id: 'q1',
      text: 'Какой?',
      multiple: false,
      points: 1,
      options: [
        { id: 'a', text: 'А' },
        { id: 'b', text: 'Б' },
      ],
      correct: ['a'],
    };
    const attempts = { passScore: 1, maxAttempts: MAX_QUIZ_TASK_ATTEMPTS + 1, questions: [question] };
    expect(task('quiz', attempts)).toEqual({ path: 'tasks.0.config.maxAttempts', reason: 'invalid' });
    expect(unreadyField(doc({ title: both(chars(201)) }))).toEqual({
      path: 'title.ru',
      reason: 'too_long',
      max: MAX_TITLE_LENGTH,
    });
    expect(unreadyField(doc({ rulesText: both('Правила', chars(20_001)) }))).toEqual({
      path: 'rulesText.en',
      reason: 'too_long',
      max: 20_000,
    });
    const organizer = { ...byKey('tasks-reward').settings, organizer: both('\u200b\u2060', '') };
    expect(unreadyField(doc({ settings: organizer }))).toEqual({ path: 'settings.organizer', reason: 'blank' });
    const faq = { faq: [faqItem({ ru: '' }, { ru: '' })] };
    expect(unreadyField(doc({ settings: faq }))).toEqual({ path: 'settings.faq.0.q.ru', reason: 'empty' });
    const longQuestion = quiz((q) => {
      (q.questions[0] as Quiz['questions'][number]).text = both(chars(MAX_SETTINGS_TEXT_LENGTH + 1));
    })(byKey('quiz-tiers'));
    expect(unreadyField(longQuestion)).toEqual({
      path: 'settings.quiz.questions.0.text',
      reason: 'too_long',
      max: MAX_SETTINGS_TEXT_LENGTH,
    });
    const longLabel = wheel({ loseLabel: both('Мимо', chars(MAX_LABEL_LENGTH + 1)) })(byKey('wheel-instant'));
    expect(unreadyField(longLabel)).toEqual({
      path: 'settings.wheel.loseLabel',
      reason: 'too_long',
      max: MAX_LABEL_LENGTH,
    });
    expect(unreadyField(wheel({ dailyAttemptLimit: MAX_DAILY_ATTEMPTS + 1 })(byKey('wheel-instant')))).toEqual({
      path: 'settings.wheel.dailyAttemptLimit',
      reason: 'invalid',
    });
    expect(unreadyField(doc({ pools: [], theme: { coverUrl: 'ftp://x' } }))).toEqual({
      path: 'theme.coverUrl',
      reason: 'invalid',
    });
  });
});

describe('a draw’s winners and reserves past the server’s bound (red before: called ready, refused 422)', () => {
  it('waits for the count, said as out of its bounds', () => {
    const past = (change: Partial<Draw>) => unreadyField(draw(change)(byKey('giveaway-draw')));
    expect(past({ winners: MAX_DRAW_WINNERS + 1 })).toEqual({ path: 'settings.draw.winners', reason: 'invalid' });
    expect(past({ reserves: MAX_DRAW_RESERVES + 1 })).toEqual({ path: 'settings.draw.reserves', reason: 'invalid' });
    expect(past({ winners: MAX_DRAW_WINNERS, reserves: MAX_DRAW_RESERVES })).toBeNull();
  });
});
