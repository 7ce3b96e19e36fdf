/**
 * Everything a brand writes into a campaign's settings and task configs has a bound, and the document's numbers fit
 * their columns. Before, a quiz question's or option's text, a band's title and description, the organiser, the lose
 * label, a draw's prize and a story's button were any length; a band's key and prize, the pack code's and a code
 * task's pool, a draw's tasks and a prize's `unlock.of` any length and count; a quiz's bands any count; a question's
 * points, pass and band scores, the wheel's attempts, the odds of losing and the friends asked for any number; a quiz
 * question's picture any string (`javascript:` included); and a prize's stock, daily cap, a pool's threshold and a
 * task's position any integer (past 2^31 − 1 a 500 on PostgreSQL). Each was saved: a megabyte of text every participant
 * then downloads. Now one past its bound is a 422 naming the field, nothing is written, and one at its bound is saved.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  MAX_DAILY_ATTEMPTS,
  MAX_FRIENDS_REQUIRED,
  MAX_KEY_LENGTH,
  MAX_LABEL_LENGTH,
  MAX_LINK_LENGTH,
  MAX_LOW_STOCK_THRESHOLD,
  MAX_REWARD_WEIGHT,
  MAX_SETTINGS_TEXT_LENGTH,
  MAX_STOCK,
  MAX_TASK_POSITION,
  MAX_TASKS,
} from '../../campaigns/content-bounds.ts';
import { MAX_QUESTION_POINTS, MAX_QUIZ_SCORE, MAX_SCORE_BANDS } from '../../promo/quiz/quiz-bounds.ts';
import { type Body, createOfficeWorld, EDITOR, type OfficeWorld } from './office-campaign.test-world.ts';

let w: OfficeWorld;
afterEach(async () => w?.close());

const chars = (n: number, c = 'а') => c.repeat(n);
/** A link of exactly `n` characters. */
const link = (n: number) => {
  const start = 'https://example.com/';
  return `${start}${chars(n - start.length - 4, 'a')}.png`;
};
const keys = (n: number, length = 8) => Array.from({ length: n }, (_, i) => `${i}`.padStart(length, 'k'));

const question = () => ({
  id: 'q1',
  text: { ru: 'Какой?', en: '' },
  multiple: false,
  options: [
    { id: 'a', text: { ru: 'А', en: '' } },
    { id: 'b', text: { ru: 'Б', en: '' } },
  ],
  correct: ['a'],
  points: 1,
});
/** A task of `kind` appended to the document (the templates have no code, friends or quiz task). */
const withTask = (doc: Body, kind: string, config: Body) => ({
  ...doc,
  tasks: [
    ...doc.tasks,
    {
      key: `added-${kind}`,
      kind,
      title: { ru: 'Задание', en: '' },
      description: { ru: '', en: '' },
      config,
      attemptsGranted: 0,
      position: doc.tasks.length,
    },
  ],
});
const lastTask = (doc: Body) => `tasks.${doc.tasks.length}`;

/** `doc` with the settings' `part` changed by `change`. */
const settings = (doc: Body, part: string, change: (p: Body) => Body) => ({
  ...doc,
  settings: { ...doc.settings, [part]: change(structuredClone(doc.settings[part])) },
});
const quiz = (doc: Body, change: (q: Body) => void) =>
  settings(doc, 'quiz', (q) => {
    change(q);
    return q;
  });

type Case = {
  name: string;
  template: string;
  /** The field the refusal names; a function of the document when it depends on its tasks. */
  path: string | ((doc: Body) => string);
  /** The document with the value at its bound (accepted) or one past it (refused). */
  set(doc: Body, past: boolean): Body;
};

const bump = (bound: number, past: boolean) => (past ? bound + 1 : bound);

const CASES: Case[] = [
  // Texts: per language, counted once trimmed.
  {
    name: 'a quiz question’s text',
    template: 'quiz-tiers',
    path: 'settings.quiz.questions.0.text.ru',
    set: (d, past) => quiz(d, (q) => (q.questions[0].text.ru = chars(bump(MAX_SETTINGS_TEXT_LENGTH, past)))),
  },
  {
    name: 'a quiz option’s text',
    template: 'quiz-tiers',
    path: 'settings.quiz.questions.0.options.1.text.en',
    set: (d, past) => quiz(d, (q) => (q.questions[0].options[1].text.en = chars(bump(MAX_LABEL_LENGTH, past), 'a'))),
  },
  {
    name: 'a score band’s title',
    template: 'quiz-tiers',
    path: 'settings.quiz.bands.0.title.ru',
    set: (d, past) => quiz(d, (q) => (q.bands[0].title.ru = chars(bump(MAX_LABEL_LENGTH, past)))),
  },
  {
    name: 'a score band’s description',
    template: 'quiz-tiers',
    path: 'settings.quiz.bands.1.text.ru',
    set: (d, past) => quiz(d, (q) => (q.bands[1].text = { ru: chars(bump(MAX_SETTINGS_TEXT_LENGTH, past)), en: '' })),
  },
  {
    name: 'the organiser',
    template: 'tasks-reward',
    path: 'settings.organizer.ru',
    set: (d, past) => ({
      ...d,
      settings: { ...d.settings, organizer: { ru: chars(bump(MAX_SETTINGS_TEXT_LENGTH, past)), en: '' } },
    }),
  },
  {
    name: 'the organiser, plain',
    template: 'tasks-reward',
    path: 'settings.organizer',
    set: (d, past) => ({ ...d, settings: { ...d.settings, organizer: chars(bump(MAX_SETTINGS_TEXT_LENGTH, past)) } }),
  },
  {
    name: 'the wheel’s lose label',
    template: 'wheel-instant',
    path: 'settings.wheel.loseLabel.ru',
    set: (d, past) =>
      settings(d, 'wheel', (x) => ({ ...x, loseLabel: { ru: chars(bump(MAX_LABEL_LENGTH, past)), en: 'No luck' } })),
  },
  {
    name: 'a draw’s prize',
    template: 'giveaway-draw',
    path: 'settings.draw.prize.en',
    set: (d, past) =>
      settings(d, 'draw', (x) => ({
        ...x,
        prize: { ru: 'Телефон', en: chars(bump(MAX_SETTINGS_TEXT_LENGTH, past), 'a') },
      })),
  },
  {
    name: 'a story’s button text',
    template: 'giveaway-draw',
    path: 'tasks.2.config.linkText',
    set: (d, past) => ({
      ...d,
      tasks: d.tasks.map((t: Body) =>
        t.kind === 'share_story' ? { ...t, config: { ...t.config, linkText: chars(bump(MAX_LABEL_LENGTH, past)) } } : t,
      ),
    }),
  },
  // A quiz question's picture: an https image, as the cover.
  {
    name: 'a quiz question’s picture',
    template: 'quiz-tiers',
    path: 'settings.quiz.questions.0.imageUrl',
    set: (d, past) => quiz(d, (q) => (q.questions[0].imageUrl = link(bump(MAX_LINK_LENGTH, past)))),
  },
  {
    name: 'a quiz question’s picture on http',
    template: 'quiz-tiers',
    path: 'settings.quiz.questions.0.imageUrl',
    set: (d, past) =>
      quiz(d, (q) => (q.questions[0].imageUrl = past ? 'http://example.com/q.png' : 'https://example.com/q.png')),
  },
  // Keys, and lists of them.
  {
    name: 'a score band’s key',
    template: 'quiz-tiers',
    path: 'settings.quiz.bands.0.key',
    set: (d, past) => quiz(d, (q) => (q.bands[0].key = chars(bump(MAX_KEY_LENGTH, past), 'k'))),
  },
  {
    name: 'a score band’s prize',
    template: 'quiz-tiers',
    path: 'settings.quiz.bands.0.rewardKey',
    set: (d, past) => quiz(d, (q) => (q.bands[0].rewardKey = chars(bump(MAX_KEY_LENGTH, past), 'k'))),
  },
  {
    name: 'a right answer’s option id',
    template: 'quiz-tiers',
    path: 'settings.quiz.questions.0.correct.0',
    set: (d, past) =>
      quiz(d, (q) => {
        const id = chars(bump(40, past), 'o');
        q.questions[0].options[0].id = past ? 'a' : id;
        q.questions[0].correct = [id];
      }),
  },
  {
    name: 'the pack code’s pool',
    template: 'pack-code',
    path: 'settings.packCode.poolKey',
    set: (d, past) => settings(d, 'packCode', (x) => ({ ...x, poolKey: chars(bump(MAX_KEY_LENGTH, past), 'k') })),
  },
  {
    name: 'a code task’s pool',
    template: 'tasks-reward',
    path: (d) => `${lastTask(d)}.config.poolKey`,
    set: (d, past) => withTask(d, 'enter_code', { poolKey: chars(bump(MAX_KEY_LENGTH, past), 'k') }),
  },
  {
    name: 'a draw’s task key',
    template: 'giveaway-draw',
    path: 'settings.draw.requiredTaskKeys.0',
    set: (d, past) =>
      settings(d, 'draw', (x) => ({ ...x, requiredTaskKeys: [chars(bump(MAX_KEY_LENGTH, past), 'k')] })),
  },
  {
    name: 'a draw’s tasks counted',
    template: 'giveaway-draw',
    path: 'settings.draw.requiredTaskKeys',
    set: (d, past) => settings(d, 'draw', (x) => ({ ...x, requiredTaskKeys: keys(bump(MAX_TASKS, past)) })),
  },
  {
    name: 'a prize’s tasks named',
    template: 'tasks-reward',
    // zod names the rule whose shape none of the union's fits, not its list: only a forged request meets this one
    // (the form offers the campaign's tasks, at most MAX_TASKS).
    path: 'rewards.0.unlock',
    set: (d, past) => ({
      ...d,
      rewards: d.rewards.map((r: Body, i: number) =>
        i === 0 ? { ...r, unlock: { tasks: 'all', of: keys(bump(MAX_TASKS, past)) } } : r,
      ),
    }),
  },
  {
    name: 'a prize’s task key',
    template: 'tasks-reward',
    path: 'rewards.0.unlock.of.0',
    set: (d, past) => ({
      ...d,
      rewards: d.rewards.map((r: Body, i: number) =>
        i === 0 ? { ...r, unlock: { tasks: 'all', of: [chars(bump(MAX_KEY_LENGTH, past), 'k')] } } : r,
      ),
    }),
  },
  {
    name: 'a prize for a number of tasks',
    template: 'tasks-reward',
    path: 'rewards.0.unlock.tasks',
    set: (d, past) => ({
      ...d,
      rewards: d.rewards.map((r: Body, i: number) =>
        i === 0 ? { ...r, unlock: { tasks: bump(MAX_TASKS, past) } } : r,
      ),
    }),
  },
  {
    name: 'a quiz’s score bands',
    template: 'quiz-tiers',
    path: 'settings.quiz.bands',
    set: (d, past) =>
      quiz(d, (q) => {
        q.bands = keys(bump(MAX_SCORE_BANDS, past)).map((key, i) => ({ ...q.bands[0], key, minScore: i }));
      }),
  },
  // Numbers.
  {
    name: 'a question’s points',
    template: 'quiz-tiers',
    path: 'settings.quiz.questions.0.points',
    set: (d, past) => quiz(d, (q) => (q.questions[0].points = bump(MAX_QUESTION_POINTS, past))),
  },
  {
    name: 'a score band’s lowest score',
    template: 'quiz-tiers',
    path: 'settings.quiz.bands.1.minScore',
    set: (d, past) => quiz(d, (q) => (q.bands[1].minScore = bump(MAX_QUIZ_SCORE, past))),
  },
  {
    name: 'a quiz task’s pass score',
    template: 'tasks-reward',
    path: (d) => `${lastTask(d)}.config.passScore`,
    set: (d, past) => withTask(d, 'quiz', { passScore: bump(MAX_QUIZ_SCORE, past), questions: [question()] }),
  },
  {
    name: 'the friends an invitation asks for',
    template: 'tasks-reward',
    path: (d) => `${lastTask(d)}.config.friendsRequired`,
    set: (d, past) => withTask(d, 'invite_friends', { friendsRequired: bump(MAX_FRIENDS_REQUIRED, past) }),
  },
  {
    name: 'the wheel’s free attempts a day',
    template: 'wheel-instant',
    path: 'settings.wheel.dailyFreeAttempts',
    set: (d, past) =>
      settings(d, 'wheel', (x) => ({
        ...x,
        dailyFreeAttempts: bump(MAX_DAILY_ATTEMPTS, past),
        dailyAttemptLimit: MAX_DAILY_ATTEMPTS,
      })),
  },
  {
    name: 'the wheel’s attempts a day',
    template: 'wheel-instant',
    path: 'settings.wheel.dailyAttemptLimit',
    set: (d, past) => settings(d, 'wheel', (x) => ({ ...x, dailyAttemptLimit: bump(MAX_DAILY_ATTEMPTS, past) })),
  },
  {
    name: 'the wheel’s odds of losing',
    template: 'wheel-instant',
    path: 'settings.wheel.loseWeight',
    set: (d, past) => settings(d, 'wheel', (x) => ({ ...x, loseWeight: bump(MAX_REWARD_WEIGHT, past) })),
  },
  {
    name: 'the pack code’s odds of losing',
    template: 'pack-code',
    path: 'settings.packCode.loseWeight',
    set: (d, past) => settings(d, 'packCode', (x) => ({ ...x, loseWeight: bump(MAX_REWARD_WEIGHT, past) })),
  },
  {
    name: 'a prize’s stock',
    template: 'tasks-reward',
    path: 'rewards.0.stock',
    set: (d, past) => ({ ...d, rewards: d.rewards.map((r: Body) => ({ ...r, stock: bump(MAX_STOCK, past) })) }),
  },
  {
    name: 'a prize’s stock past PostgreSQL’s integer',
    template: 'tasks-reward',
    path: 'rewards.0.stock',
    set: (d, past) => ({ ...d, rewards: d.rewards.map((r: Body) => ({ ...r, stock: past ? 2 ** 31 : MAX_STOCK })) }),
  },
  {
    name: 'a prize’s daily cap',
    template: 'tasks-reward',
    path: 'rewards.0.dailyCap',
    set: (d, past) => ({ ...d, rewards: d.rewards.map((r: Body) => ({ ...r, dailyCap: bump(MAX_STOCK, past) })) }),
  },
  {
    name: 'a pool’s low-stock threshold',
    template: 'tasks-reward',
    path: 'pools.0.lowStockThreshold',
    set: (d, past) => ({
      ...d,
      pools: d.pools.map((p: Body) => ({ ...p, lowStockThreshold: bump(MAX_LOW_STOCK_THRESHOLD, past) })),
    }),
  },
  {
    name: 'a task’s position',
    template: 'tasks-reward',
    path: 'tasks.0.position',
    set: (d, past) => ({
      ...d,
      tasks: d.tasks.map((t: Body, i: number) => (i === 0 ? { ...t, position: bump(MAX_TASK_POSITION, past) } : t)),
    }),
  },
];

describe('bounds on what a brand stores in a campaign’s settings', () => {
  it('each past its bound is a 422 naming the field and writes nothing; each at its bound is saved', async () => {
    w = await createOfficeWorld();
    const drafts = new Map<string, number>();
    for (const templateKey of new Set(CASES.map((c) => c.template))) {
      const created = await w.json('POST', '/api/admin/campaigns', EDITOR, { brandId: w.brandId, templateKey });
      expect(created.status, templateKey).toBe(201);
      drafts.set(templateKey, created.body.id);
    }
    const open = async (id: number) => (await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR)).body.document;

    for (const c of CASES) {
      const id = drafts.get(c.template) as number;
      const before = await open(id);
      const path = typeof c.path === 'string' ? c.path : c.path(before);
      for (const [method, url] of [
        ['POST', `/api/admin/campaigns/${id}/preview`],
        ['PUT', `/api/admin/campaigns/${id}`],
      ] as const) {
        const refused = await w.json(method, url, EDITOR, c.set(before, true));
        expect([refused.status, refused.body.error?.code], `${c.name}: ${method}`).toEqual([422, 'invalid_input']);
        expect(
          refused.body.error.issues.map((i: { path: string }) => i.path),
          `${c.name}: ${method}`,
        ).toContain(path);
      }
      expect(await open(id), `${c.name}: nothing written`).toEqual(before);

      const saved = await w.json('PUT', `/api/admin/campaigns/${id}`, EDITOR, c.set(before, false));
      expect(saved.status, `${c.name} at its bound: ${JSON.stringify(saved.body).slice(0, 300)}`).toBe(200);
      // Back as the template made it, for the next case of the same template.
      const restored = await w.json('PUT', `/api/admin/campaigns/${id}`, EDITOR, {
        ...before,
        editVersion: saved.body.document.editVersion,
      });
      expect(restored.status, `${c.name}: restored`).toBe(200);
    }
  });
});
