/**
 * The whole document, as previewable.test.ts checks a task's and a quiz's fields: every state the preview calls ready
 * is one the server's document shape (CampaignContentSchema, the preview route's body) accepts, and the field it waits
 * for is one the server's refusal names; and why it waits (still empty, only invisible characters, too long, out of
 * its bounds), which the pane words differently.
 */
import { describe, expect, it } from 'vitest';
import type { TaskKind } from '../../../server/db/schema/promo.ts';
import { CampaignContentSchema } from '../../../server/office/campaigns/campaign-document.ts';
import { MAX_TITLE_LENGTH } from '../../../server/office/campaigns/document-bounds.ts';
import { TEMPLATES } from '../../../server/office/templates/index.ts';
import { MAX_RESET_HOUR } from '../../../server/promo/campaign-day.ts';
import { MAX_QUIZ_TASK_ATTEMPTS } from '../../../server/promo/quiz/quiz-bounds.ts';
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

/** `n` tasks: the template's first, copied under fresh keys. */
const tasksOf = (d: Content, n: number) =>
  Array.from({ length: n }, (_, i) => ({ ...(d.tasks[0] as Content['tasks'][number]), key: `t${i}`, position: i }));

/** Numbers as the form sends them: typed past the spinner's bounds, or emptied (null where the field allows none). */
const NUMBER_EDITS: [string, string, (d: Content) => Content][] = [
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
const EDITS: [string, string, (d: Content) => Content][] = [
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
    expect(unreadyField(doc({ pools: [], theme: { coverUrl: 'ftp://x' } }))).toEqual({
      path: 'theme.coverUrl',
      reason: 'invalid',
    });
  });
});
