/** Validation before publish: each rule on a document that is otherwise clean (the templates, codes loaded). */
import { describe, expect, it } from 'vitest';
import { giveawayDraw } from '../templates/giveaway-draw.ts';
import { packCodeTemplate } from '../templates/pack-code.ts';
import { quizTiers } from '../templates/quiz-tiers.ts';
import { tasksReward } from '../templates/tasks-reward.ts';
import { wheelInstant } from '../templates/wheel-instant.ts';
import { type CampaignContent, CampaignContentSchema } from './campaign-document.ts';
import { campaignProblems, type ProblemContext } from './campaign-problems.ts';

const NOW = Date.UTC(2026, 5, 1, 9);
const ctx: ProblemContext = { now: NOW, community: { vkGroupId: 777 }, botToken: { configured: true, groupId: 777 } };
/** A template's content with every pool holding codes, so it has no error problems. */
function stocked(template: typeof tasksReward): CampaignContent {
  const doc = CampaignContentSchema.parse(template.document(NOW));
  return { ...doc, pools: doc.pools.map((p) => ({ ...p, total: 1000, free: 1000 })) };
}
function defined<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the template lost a part this test edits');
  return value;
}
const nth = <T>(list: readonly T[], i: number): T => defined(list[i]);
const errors = (doc: CampaignContent, c = ctx) =>
  campaignProblems(doc, c)
    .filter((p) => p.severity === 'error')
    .map((p) => `${p.path} ${p.code}`);
const warnings = (doc: CampaignContent, c = ctx) =>
  campaignProblems(doc, c)
    .filter((p) => p.severity === 'warning')
    .map((p) => `${p.path} ${p.code}`);

describe('campaignProblems', () => {
  it('a calculator campaign with no calculator saved is an error (participants met only 409 no_calculator)', () => {
    const doc = { ...stocked(tasksReward), mechanic: 'calculator' as const, rewards: [] };
    expect(errors(doc, { ...ctx, calculatorSaved: false })).toContain('mechanic no_calculator');
    expect(errors(doc, { ...ctx, calculatorSaved: true })).not.toContain('mechanic no_calculator');
  });

  it('item 3: every template, with codes loaded, has no error problems', () => {
    for (const t of [tasksReward, quizTiers, wheelInstant, packCodeTemplate, giveawayDraw])
      expect(errors(stocked(t)), t.key).toEqual([]);
  });

  it('item 3: a reward handing codes from a beta sandbox pool is an error (real participants would get testers’ codes)', () => {
    const doc = stocked(wheelInstant);
    const sandboxed = { ...doc, pools: doc.pools.map((p) => (p.key === 'wheel20' ? { ...p, sandbox: true } : p)) };
    const at = doc.rewards.findIndex((r) => r.poolKey === 'wheel20');
    expect(errors(sandboxed)).toEqual([`rewards.${at}.poolKey pool_is_sandbox`]);
  });

  it('item 3: the giveaway draw’s own problems are part of the document’s (a required task that does not exist)', () => {
    const doc = stocked(giveawayDraw);
    const draw = defined(doc.settings.draw);
    const broken = { ...doc, settings: { ...doc.settings, draw: { ...draw, requiredTaskKeys: ['no-such-task'] } } };
    expect(errors(broken)).toContain('settings.draw.requiredTaskKeys.0 draw_unknown_task');
  });

  it('item 3: wheel odds all zero is an error; a never-winning sector is a warning; any positive sum is a wheel', () => {
    const doc = stocked(wheelInstant);
    const zero = {
      ...doc,
      settings: { ...doc.settings, wheel: { ...defined(doc.settings.wheel), loseWeight: 0 } },
      rewards: doc.rewards.map((r) => ({ ...r, weight: 0 })),
    };
    expect(errors(zero)).toEqual(['settings.wheel.loseWeight wheel_odds_all_zero']);
    // Under the prize calendar no weight is read (the wheel draws every prize): nothing about weights. Red before.
    const calendar = { ...zero, settings: { ...zero.settings, instantWin: { mode: 'calendar' as const } } };
    expect(errors(calendar)).toEqual([]);
    expect(warnings(calendar).filter((p) => p.includes('wheel_'))).toEqual([]);
    const odd = { ...doc, rewards: doc.rewards.map((r, i) => (i === 2 ? { ...r, weight: 0 } : r)) };
    expect(warnings(odd)).toContain('rewards.2.weight wheel_sector_never_wins');
    // Chances are shares of the sum (decision 099): weights that do not add up to 100 are no problem (a warning before).
    expect(warnings(odd).filter((p) => p.includes('wheel_odds'))).toEqual([]);
  });

  it('item 3: a reward with neither stock nor pool, an empty pool, an unknown pool key', () => {
    const doc = stocked(wheelInstant);
    const broken = {
      ...doc,
      rewards: [
        { ...nth(doc.rewards, 0), poolKey: 'nope' },
        { ...nth(doc.rewards, 1) },
        { ...nth(doc.rewards, 2), stock: null },
      ],
      pools: doc.pools.map((p) => (p.key === 'wheel20' ? { ...p, free: 0 } : p)),
    };
    expect(errors(broken)).toEqual([
      'rewards.0.poolKey unknown_pool',
      'rewards.1.poolKey pool_used_up',
      'rewards.2.stock reward_without_stock',
    ]);
    // Used up (1000 loaded, none free) is not empty (none loaded yet): each says its own fix (decision 104).
    const empty = { ...broken, pools: doc.pools.map((p) => (p.key === 'wheel20' ? { ...p, total: 0, free: 0 } : p)) };
    expect(errors(empty)).toContain('rewards.1.poolKey pool_without_codes');
  });

  it('item 3: an empty Russian title is an error; one language without the other is a warning', () => {
    const doc = stocked(tasksReward);
    const texts = {
      ...doc,
      title: { ru: '', en: 'Only English' },
      description: { ru: 'Только русский', en: '' },
      tasks: doc.tasks.map((t, i) => (i === 0 ? { ...t, title: { ru: 'Вступите', en: '' } } : t)),
    };
    expect(errors(texts)).toEqual(['title.ru title_missing']);
    expect(warnings(texts)).toEqual(['description.en translation_missing', 'tasks.0.title.en translation_missing']);
  });

  it('item 3: an end before the start, or already past', () => {
    const doc = stocked(tasksReward);
    expect(errors({ ...doc, endsAt: doc.startsAt - 1 })).toEqual(['endsAt ends_before_start']);
    // Both instants and the zone the form shows them in, so the office can name them (decision 087).
    const crossed = campaignProblems({ ...doc, endsAt: doc.startsAt - 1 }, ctx).find((p) => p.path === 'endsAt');
    expect(crossed?.params).toEqual({ startsAt: doc.startsAt, endsAt: doc.startsAt - 1, timeZone: doc.timeZone });
    expect(errors({ ...doc, startsAt: NOW - 10, endsAt: NOW - 1 })).toEqual(['endsAt ends_in_past']);
  });

  it('item 3: a quiz band naming a missing reward, and bands that do not cover score 0', () => {
    const doc = stocked(quizTiers);
    const quiz = defined(doc.settings.quiz);
    const bands = quiz.bands.map((b) => (b.key === 'expert' ? { ...b, rewardKey: 'gone' } : b)).slice(1);
    expect(errors({ ...doc, settings: { ...doc.settings, quiz: { ...quiz, bands } } })).toEqual([
      'settings.quiz.bands bands_not_covering_zero',
      'settings.quiz.bands.1.rewardKey band_reward_missing',
    ]);
  });

  it('a single-choice question with several right options, and two bands from the same score, block publishing', () => {
    const doc = stocked(quizTiers);
    const quiz = defined(doc.settings.quiz);
    const [first, ...rest] = quiz.questions;
    const q = defined(first);
    const impossible = { ...q, multiple: false, correct: q.options.slice(0, 2).map((o) => o.id) };
    const bands = quiz.bands.map((b, i) => (i === 2 ? { ...b, minScore: defined(quiz.bands[1]).minScore } : b));
    expect(
      errors({ ...doc, settings: { ...doc.settings, quiz: { ...quiz, questions: [impossible, ...rest], bands } } }),
    ).toEqual([
      'settings.quiz.questions.0.correct single_choice_many_correct',
      'settings.quiz.bands.2.minScore band_same_score',
    ]);
    // Allowing several answers makes the same question fine.
    expect(
      errors({
        ...doc,
        settings: { ...doc.settings, quiz: { ...quiz, questions: [{ ...impossible, multiple: true }, ...rest] } },
      }),
    ).toEqual([]);
  });

  it('item 3: tasks the community cannot verify: join without a community, allow_messages without its bot token', () => {
    const doc = stocked(tasksReward);
    expect(errors(doc, { ...ctx, community: null })).toEqual([
      'tasks.0.kind task_needs_community',
      'tasks.1.kind task_needs_community',
    ]);
    expect(errors(doc, { ...ctx, botToken: { configured: false } })).toEqual(['tasks.1.kind task_needs_bot_token']);
    expect(errors(doc, { ...ctx, botToken: { configured: true, groupId: 1 } })).toEqual([
      'tasks.1.kind task_needs_bot_token',
    ]);
  });

  it('item 3: duplicate keys, unknown task keys in an unlock, an unreachable task count', () => {
    const doc = stocked(tasksReward);
    const dup = {
      ...doc,
      tasks: [...doc.tasks, { ...nth(doc.tasks, 2) }],
      rewards: [
        { ...nth(doc.rewards, 0), unlock: { tasks: 2, of: ['join', 'ghost'] } },
        { ...nth(doc.rewards, 0), unlock: { tasks: 9 } },
      ],
    };
    expect(errors(dup)).toEqual([
      'tasks.3.key duplicate_key',
      'rewards.1.key duplicate_key',
      'rewards.0.unlock.of.1 unknown_task',
      'rewards.0.unlock.tasks unlock_unreachable',
      'rewards.1.unlock.tasks unlock_unreachable',
    ]);
  });

  it('item 2: a per-user limit above 1 is an error on a tasks reward (earned once), fine on a wheel prize', () => {
    const codes = (template: typeof tasksReward) => {
      const doc = stocked(template);
      const rewards = doc.rewards.map((r) => ({ ...r, perUserLimit: 2 }));
      return campaignProblems({ ...doc, rewards }, ctx)
        .filter((p) => p.code === 'per_user_limit_once')
        .map((p) => p.path);
    };
    expect(codes(tasksReward)).toEqual(['rewards.0.perUserLimit']);
    expect(codes(wheelInstant)).toEqual([]);
  });
});
