/**
 * @module What stands between a campaign document and its publication, as a pure function of the document and what
 * the server knows about the community. `error` blocks publishing; `warning` is shown and does not. Codes are stable
 * (the office words them in ru/en); `path` points at the field in the document, `params` carry the numbers.
 */

import type { TaskKind } from '../../db/schema/promo.ts';
import { hasVisibleText } from '../../http/visible-text.ts';
import { drawProblems } from '../../promo/draw/draw-problems.ts';
import { isLowStock, lowStockLine } from '../../promo/rewards/low-stock.ts';
import { type QuizQuestion, TaskConfigSchemas } from '../../promo/settings.ts';
import type { Bilingual, CampaignContent, Problem } from './campaign-document.ts';
import { packCodeProblems } from './pack-code-problems.ts';
import { freeCodesProblem } from './pool-free-codes.ts';
import { named } from './pool-name.ts';

export interface ProblemContext {
  now: number;
  /** The campaign's community, or null when it has none. */
  community: { vkGroupId: number } | null;
  /** The community token the bot and the server check messages consent with (`VK_GROUP_TOKEN`, `VK_GROUP_ID`). */
  botToken: { configured: boolean; groupId?: number };
  /** Whether the campaign has a saved calculator (server/calculator/); a calculator campaign without one gives nothing. */
  calculatorSaved?: boolean;
  /**
   * Prize moments of the campaign's current prizes (server/promo/calendar/), when it plays by the calendar: with none,
   * no play can ever win. Absent: not counted (a document checked without its campaign).
   */
  calendarMoments?: number;
}

type Add = (path: string, code: string, severity: Problem['severity'], params?: Record<string, unknown>) => void;

/**
 * Every problem of the document, in document order.
 * @example campaignProblems(doc, ctx).filter((p) => p.severity === 'error') // [{ path: 'endsAt', code: 'ends_before_start', … }]
 */
export function campaignProblems(doc: CampaignContent, ctx: ProblemContext): Problem[] {
  const problems: Problem[] = [];
  const add: Add = (path, code, severity, params = {}) => problems.push({ path, code, severity, params });
  texts(doc, add);
  schedule(doc, ctx, add);
  duplicates(doc, add);
  tasks(doc, ctx, add);
  rewards(doc, add);
  if (doc.mechanic === 'wheel') wheel(doc, add);
  if (doc.mechanic === 'quiz') quiz(doc, add);
  // Its participants would meet only 409 no_calculator (found from outside): the calculator is saved apart.
  if (doc.mechanic === 'calculator' && ctx.calculatorSaved === false) add('mechanic', 'no_calculator', 'error');
  packCodeProblems(doc, add);
  if (playsByCalendar(doc) && ctx.calendarMoments === 0)
    add('settings.instantWin.mode', 'calendar_without_moments', 'error');
  problems.push(...drawProblems(doc));
  return problems;
}

/** A wheel or pack-code campaign whose plays the prize calendar decides (settings.instantWin, odds when absent). */
export const playsByCalendar = (doc: Pick<CampaignContent, 'mechanic' | 'settings'>): boolean =>
  (doc.mechanic === 'wheel' || doc.mechanic === 'code') && doc.settings.instantWin?.mode === 'calendar';

export const hasErrors = (problems: Problem[]): boolean => problems.some((p) => p.severity === 'error');

/**
 * A Russian title is required (it is the column and the fallback); one language without the other is a warning. A
 * text that shows nothing is missing: a save refuses it (`blank_text`), but a copy of what an earlier release stored
 * holds it (a zero-width space, a control character), and `trim` kept it as written, so the copy went live untitled.
 */
function bilingual(path: string, text: Bilingual, add: Add, required = false): void {
  const ru = hasVisibleText(text.ru);
  const en = hasVisibleText(text.en);
  if (required && !ru) {
    add(`${path}.ru`, 'title_missing', 'error');
    return;
  }
  if (ru && !en) add(`${path}.en`, 'translation_missing', 'warning', { language: 'en' });
  if (en && !ru) add(`${path}.ru`, 'translation_missing', 'warning', { language: 'ru' });
}

function texts(doc: CampaignContent, add: Add): void {
  bilingual('title', doc.title, add, true);
  bilingual('description', doc.description, add);
  bilingual('rulesText', doc.rulesText, add);
  doc.tasks.forEach((t, i) => {
    bilingual(`tasks.${i}.title`, t.title, add, true);
    bilingual(`tasks.${i}.description`, t.description, add);
  });
  doc.rewards.forEach((r, i) => {
    bilingual(`rewards.${i}.title`, r.title, add, true);
    bilingual(`rewards.${i}.description`, r.description, add);
    bilingual(`rewards.${i}.howToUse`, r.howToUse, add);
  });
}

function schedule(doc: CampaignContent, ctx: ProblemContext, add: Add): void {
  if (doc.endsAt <= doc.startsAt)
    // The zone names the two instants as the form shows them (its dates are the campaign's wall time).
    add('endsAt', 'ends_before_start', 'error', {
      startsAt: doc.startsAt,
      endsAt: doc.endsAt,
      timeZone: doc.timeZone,
    });
  else if (doc.endsAt <= ctx.now) add('endsAt', 'ends_in_past', 'error', { endsAt: doc.endsAt, now: ctx.now });
}

function duplicatesIn(list: { key: string }[], path: string, add: Add): void {
  const seen = new Set<string>();
  list.forEach((item, i) => {
    if (seen.has(item.key)) add(`${path}.${i}.key`, 'duplicate_key', 'error', { key: item.key });
    seen.add(item.key);
  });
}

function duplicates(doc: CampaignContent, add: Add): void {
  duplicatesIn(doc.tasks, 'tasks', add);
  duplicatesIn(doc.rewards, 'rewards', add);
  duplicatesIn(doc.pools, 'pools', add);
  if (doc.settings.quiz) {
    duplicatesIn(doc.settings.quiz.bands, 'settings.quiz.bands', add);
    duplicatesIn(
      doc.settings.quiz.questions.map((q) => ({ key: q.id })),
      'settings.quiz.questions',
      add,
    );
  }
}

/** Kinds whose completion the server checks through the community (membership, messages consent). */
const NEEDS_COMMUNITY: Partial<Record<TaskKind, true>> = { join_community: true, allow_messages: true };

function tasks(doc: CampaignContent, ctx: ProblemContext, add: Add): void {
  const pools = new Map(doc.pools.map((p) => [p.key, p]));
  doc.tasks.forEach((t, i) => {
    const groupId = (t.config.groupId as number | undefined) ?? ctx.community?.vkGroupId;
    if (NEEDS_COMMUNITY[t.kind] && groupId === undefined) {
      add(`tasks.${i}.kind`, 'task_needs_community', 'error', { kind: t.kind });
      return;
    }
    if (t.kind === 'allow_messages') {
      const token = ctx.botToken;
      if (!token.configured || (token.groupId !== undefined && token.groupId !== groupId)) {
        add(`tasks.${i}.kind`, 'task_needs_bot_token', 'error', { kind: t.kind, groupId });
      }
    }
    if (t.kind === 'quiz') {
      const config = TaskConfigSchemas.quiz.safeParse(t.config);
      if (config.success) quizTaskProblems(config.data, `tasks.${i}.config`, add);
    }
    if (t.kind === 'enter_code') {
      const key = t.config.poolKey as string;
      const pool = pools.get(key);
      if (!pool) add(`tasks.${i}.config.poolKey`, 'unknown_pool', 'error', { poolKey: key });
      else if (pool.purpose !== 'entry')
        add(`tasks.${i}.config.poolKey`, 'pool_wrong_purpose', 'error', { ...named(pool), purpose: pool.purpose });
      else if (pool.free === 0) freeCodesProblem(`tasks.${i}.config.poolKey`, pool, add);
    }
  });
}

function rewards(doc: CampaignContent, add: Add): void {
  const pools = new Map(doc.pools.map((p) => [p.key, p]));
  const taskKeys = new Set(doc.tasks.map((t) => t.key));
  // A calculator gives leads, not prizes.
  if (doc.rewards.length === 0 && doc.mechanic !== 'calculator') add('rewards', 'no_rewards', 'warning');
  doc.rewards.forEach((r, i) => {
    const at = `rewards.${i}`;
    if (r.poolKey == null) {
      if (r.stock == null) add(`${at}.stock`, 'reward_without_stock', 'error', { rewardKey: r.key });
    } else {
      const pool = pools.get(r.poolKey);
      if (!pool) add(`${at}.poolKey`, 'unknown_pool', 'error', { poolKey: r.poolKey });
      // Real participants would get the beta testers' codes: a sandbox pool only ever stands in for a real one.
      else if (pool.sandbox) add(`${at}.poolKey`, 'pool_is_sandbox', 'error', named(pool));
      else if (pool.purpose !== 'reward')
        add(`${at}.poolKey`, 'pool_wrong_purpose', 'error', { ...named(pool), purpose: pool.purpose });
      else if (pool.free === 0) freeCodesProblem(`${at}.poolKey`, pool, add);
      else if (isLowStock(pool))
        add(`${at}.poolKey`, 'pool_low_stock', 'warning', {
          ...named(pool),
          free: pool.free,
          threshold: lowStockLine(pool),
        });
    }
    if (r.stock != null && r.dailyCap != null && r.dailyCap > r.stock) {
      add(`${at}.dailyCap`, 'daily_cap_above_stock', 'warning', { dailyCap: r.dailyCap, stock: r.stock });
    }
    const unlock = r.unlock;
    // A claim (tasks) or a quiz band is earned once by one condition; only plays can win a reward again.
    if ((r.perUserLimit ?? 1) > 1 && ('tasks' in unlock || 'quiz' in unlock))
      add(`${at}.perUserLimit`, 'per_user_limit_once', 'error', { perUserLimit: r.perUserLimit });
    if ('wheel' in unlock && doc.mechanic !== 'wheel')
      add(`${at}.unlock`, 'unlock_wrong_mechanic', 'error', { mechanic: doc.mechanic });
    if ('quiz' in unlock && doc.mechanic !== 'quiz')
      add(`${at}.unlock`, 'unlock_wrong_mechanic', 'error', { mechanic: doc.mechanic });
    if ('tasks' in unlock) {
      unlock.of?.forEach((key, j) => {
        if (!taskKeys.has(key)) add(`${at}.unlock.of.${j}`, 'unknown_task', 'error', { taskKey: key });
      });
      const considered = unlock.of ? unlock.of.filter((k) => taskKeys.has(k)).length : doc.tasks.length;
      if (typeof unlock.tasks === 'number' && unlock.tasks > considered) {
        add(`${at}.unlock.tasks`, 'unlock_unreachable', 'error', { required: unlock.tasks, available: considered });
      }
      // "All" of no task is met at once: every participant would get the reward on opening, unasked. An error, not a
      // warning: a reward meant for everyone says so (0 tasks), so this one is always a campaign missing its tasks.
      if (unlock.tasks === 'all' && considered === 0) add(`${at}.unlock.tasks`, 'unlock_no_tasks', 'error');
    }
  });
}

function wheel(doc: CampaignContent, add: Add): void {
  const settings = doc.settings.wheel;
  if (!settings) {
    add('settings.wheel', 'wheel_settings_missing', 'error');
    return;
  }
  const prizes = doc.rewards.map((r, i) => ({ r, i })).filter(({ r }) => 'wheel' in r.unlock);
  if (prizes.length === 0) add('rewards', 'wheel_without_prizes', 'error');
  // The prize calendar decides the spins and the wheel draws every prize (wheel.service.ts sectors): no weight is read.
  if (playsByCalendar(doc)) return;
  const total = prizes.reduce((s, { r }) => s + r.weight, 0) + settings.loseWeight;
  if (total === 0) {
    add('settings.wheel.loseWeight', 'wheel_odds_all_zero', 'error');
    return;
  }
  // Any positive sum is a wheel: a sector's chance is its share of the sum (wheel.service.ts), and the editor shows each
  // sector's chance beside its weight. No warning when they do not add up to 100 (decision 099): a wheel without its
  // losing sector (30 + 9 + 1) was told «Веса в сумме дают 40, а не 100» with nothing to do about it.
  for (const { r, i } of prizes) {
    if (r.weight === 0) add(`rewards.${i}.weight`, 'wheel_sector_never_wins', 'warning', { rewardKey: r.key });
  }
}

/**
 * Questions no one can answer right: a right answer that is not one of the question's options, or one option to pick
 * but several right ones (a question scores only when the chosen set equals the right set). The office's editor
 * prevents the second; the API did not (found from outside: a live quiz's top band became unreachable).
 */
function questionProblems(questions: QuizQuestion[], path: string, add: Add): void {
  questions.forEach((q, i) => {
    const options = new Set(q.options.map((o) => o.id));
    q.correct.forEach((id, j) => {
      if (!options.has(id)) add(`${path}.${i}.correct.${j}`, 'unknown_option', 'error', { optionId: id });
    });
    const right = new Set(q.correct).size;
    if (!q.multiple && right > 1) add(`${path}.${i}.correct`, 'single_choice_many_correct', 'error', { count: right });
  });
}

/**
 * A quiz task no one can pass: its questions' (above), or a pass score above the points they give. Its participants
 * would spend their attempts (decision 073) and never open the reward behind it.
 */
function quizTaskProblems(config: { questions: QuizQuestion[]; passScore: number }, path: string, add: Add): void {
  questionProblems(config.questions, `${path}.questions`, add);
  const maxScore = config.questions.reduce((s, q) => s + q.points, 0);
  if (config.passScore > maxScore)
    add(`${path}.passScore`, 'pass_score_unreachable', 'error', { passScore: config.passScore, maxScore });
}

function quiz(doc: CampaignContent, add: Add): void {
  const settings = doc.settings.quiz;
  if (!settings) {
    add('settings.quiz', 'quiz_settings_missing', 'error');
    return;
  }
  const rewardKeys = new Set(doc.rewards.map((r) => r.key));
  const maxScore = settings.questions.reduce((s, q) => s + q.points, 0);
  if (!settings.bands.some((b) => b.minScore === 0)) add('settings.quiz.bands', 'bands_not_covering_zero', 'error');
  settings.bands.forEach((b, i) => {
    if (b.rewardKey !== undefined && !rewardKeys.has(b.rewardKey)) {
      add(`settings.quiz.bands.${i}.rewardKey`, 'band_reward_missing', 'error', { rewardKey: b.rewardKey });
    }
    if (b.minScore > maxScore)
      add(`settings.quiz.bands.${i}.minScore`, 'band_unreachable', 'warning', { minScore: b.minScore, maxScore });
  });
  questionProblems(settings.questions, 'settings.quiz.questions', add);
  // The first band of a score wins (quiz-scoring.ts): a second band from the same score is never reached.
  const fromScore = new Map<number, string>();
  settings.bands.forEach((b, i) => {
    const first = fromScore.get(b.minScore);
    if (first !== undefined)
      add(`settings.quiz.bands.${i}.minScore`, 'band_same_score', 'error', { minScore: b.minScore, band: first });
    else fromScore.set(b.minScore, b.key);
  });
  const banded = new Set(settings.bands.map((b) => b.rewardKey));
  doc.rewards.forEach((r, i) => {
    if ('quiz' in r.unlock && !banded.has(r.key))
      add(`rewards.${i}.unlock`, 'quiz_reward_unused', 'warning', { rewardKey: r.key });
  });
}
