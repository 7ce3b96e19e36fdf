/**
 * Whether the editor's document is one the preview may send yet. The preview is asked in the background while the
 * brand types (PreviewPane, debounced), so a task switched to «visit a link» whose address is still empty, or half
 * typed, was sent as it stood and refused (422 invalid_input at tasks.N.config.url) on every pause: a console error
 * and a request the server could only refuse. So was a quiz question just added (its text and options empty, at
 * settings.quiz.questions.N.text) until its last option was typed, a quiz task's attempts past the server's ten, a
 * title or description made only of zero-width characters or typed past its bound, a help question just added, an
 * organiser, lose label or draw prize made only of zero-width characters, a pool's blank name, a half-typed cover, no
 * pack-code pool chosen, and a number typed past its bounds (a wheel's reset hour 24, a prize's weight); and since
 * the settings have bounds of their own, a quiz's, a band's, the organiser's, the lose label's, a draw prize's or a
 * story button's text past its length, a question's points, a band's or pass score, the wheel's attempts, the odds of
 * losing, a prize's stock, a pool's threshold or a draw's winners and reserves past theirs.
 * The task fields come from the form's own table (TASK_CONFIG_FIELDS); what they, a quiz's questions and bands and
 * the document's texts must hold is the server's shapes' (server/promo/settings.ts, campaign-document.ts,
 * server/support/faq.ts), with their bounds imported (quiz-bounds.ts, content-bounds.ts, faq-bounds.ts), and
 * previewable.test.ts checks the form's states called ready here are accepted there. Decision 107.
 */

import {
  MAX_DAILY_ATTEMPTS,
  MAX_DESCRIPTION_LENGTH,
  MAX_DRAW_RESERVES,
  MAX_DRAW_WINNERS,
  MAX_LABEL_LENGTH,
  MAX_LINK_LENGTH,
  MAX_LOW_STOCK_THRESHOLD,
  MAX_PER_USER_LIMIT,
  MAX_POOL_NAME_LENGTH,
  MAX_POOLS,
  MAX_REWARD_WEIGHT,
  MAX_REWARDS,
  MAX_RULES_LENGTH,
  MAX_SETTINGS_TEXT_LENGTH,
  MAX_STOCK,
  MAX_TASK_ATTEMPTS_GRANTED,
  MAX_TASKS,
  MAX_TITLE_LENGTH,
} from '../../../server/campaigns/content-bounds.ts';
import { hasVisibleText } from '../../../server/http/visible-text.ts';
import { MAX_RESET_HOUR } from '../../../server/promo/campaign-day.ts';
import {
  MAX_QUESTION_POINTS,
  MAX_QUIZ_OPTIONS,
  MAX_QUIZ_QUESTIONS,
  MAX_QUIZ_SCORE,
  MAX_SCORE_BANDS,
} from '../../../server/promo/quiz/quiz-bounds.ts';
import { MAX_FAQ_TEXT_LENGTH } from '../../../server/support/faq-bounds.ts';
import { type ConfigField, TASK_CONFIG_FIELDS } from '../editor/task-config-fields.ts';
import type {
  CampaignDocument,
  CampaignSettings,
  DocumentReward,
  DocumentTask,
  Localized,
  LocalizedSetting,
} from '../office-api.ts';

/**
 * Why the server would refuse a field: nothing in it yet, only characters that show nothing, longer than `max`
 * characters (after trimming, as the server counts), or else out of its bounds or shape (attempts 11, «example.com»).
 */
export type UnreadyReason = { reason: 'empty' | 'blank' | 'invalid' } | { reason: 'too_long'; max: number };

/** The first field the server would refuse: its form path, and why. */
export type Unready = { path: string } & UnreadyReason;

/** A field's form path, and why the server refuses what it holds (null: it takes it). */
type Check = readonly [path: string, problem: UnreadyReason | null];

type TaskFields = 'title' | 'description' | 'attemptsGranted';
type RewardFields = 'title' | 'description' | 'howToUse' | 'stock' | 'dailyCap' | 'weight' | 'perUserLimit' | 'unlock';

/** What of the document the preview checks: its texts, settings, tasks, rewards, pools and cover. */
interface Checked {
  title?: Localized;
  description?: Localized;
  rulesText?: Localized;
  settings: Partial<CampaignSettings>;
  tasks: readonly (Pick<DocumentTask, 'kind' | 'config'> & Partial<Pick<DocumentTask, TaskFields>>)[];
  rewards?: readonly Partial<Pick<DocumentReward, RewardFields>>[];
  pools?: readonly Pick<CampaignDocument['pools'][number], 'name' | 'lowStockThreshold'>[];
  theme?: { coverUrl?: string };
}

const EMPTY = { reason: 'empty' } as const;
const BLANK = { reason: 'blank' } as const;
const INVALID = { reason: 'invalid' } as const;

/** WebLinkSchema's and HttpsImageSchema's rule: an address the URL parser reads, at most MAX_LINK_LENGTH characters. */
function linkProblem(value: unknown, protocol = /^https?:$/): UnreadyReason | null {
  if (typeof value !== 'string' || value === '') return EMPTY;
  if (value.length > MAX_LINK_LENGTH) return { reason: 'too_long', max: MAX_LINK_LENGTH };
  return URL.canParse(value) && protocol.test(new URL(value).protocol) ? null : INVALID;
}

const whole = (value: unknown, min = 0) => Number.isInteger(value) && (value as number) >= min;

/** A number the server requires (no default): a whole number from 0 to `max`. */
const upTo = (value: unknown, max: number) => (whole(value) && (value as number) <= max ? null : INVALID);

/**
 * A number field the form sends as typed (NumberField: past its spinner's bounds too): a whole number from `min` to
 * `max`. Left out (`undefined`) is the server's default; `null` only where `nullable` (a reward's stock: no limit).
 */
function numberProblem(value: unknown, min: number, max = Number.POSITIVE_INFINITY, nullable = false) {
  if (value === undefined || (value === null && nullable)) return null;
  if (value === null) return EMPTY;
  return whole(value, min) && (value as number) <= max ? null : INVALID;
}

/**
 * visibleTextOrEmpty's rule (server/http/text-fields.ts): empty once trimmed, or showing something, and at most `max`
 * characters once trimmed.
 */
function textProblem(s: string, max?: number): UnreadyReason | null {
  const trimmed = s.trim();
  if (trimmed && !hasVisibleText(s)) return BLANK;
  return max !== undefined && trimmed.length > max ? { reason: 'too_long', max } : null;
}

/** visibleText's rule: as textProblem's, and not empty once trimmed. */
const requiredTextProblem = (s: string | undefined, max?: number) => (s?.trim() ? textProblem(s, max) : EMPTY);

/**
 * localizedText's rule (server/campaigns/content-language.ts): no language only blank-looking or past `max`, and one
 * shows something. `orEmpty`, localizedTextOrEmpty's: it may also be empty, plain or in every language (a band's
 * description typed and cleared again, the organiser cleared).
 */
function settingTextProblem(text: LocalizedSetting | undefined, max: number, orEmpty = false): UnreadyReason | null {
  const texts = typeof text === 'string' ? [text] : [text?.ru ?? '', text?.en ?? ''];
  for (const s of texts) {
    const problem = textProblem(s, max);
    if (problem) return problem;
  }
  return orEmpty || texts.some(hasVisibleText) ? null : EMPTY;
}

/**
 * BilingualSchema's rule for the document's own texts (campaign-document.ts): each language empty or showing
 * something, at most `max` characters. One empty in every language is the save's refusal (required-texts.ts), not
 * the preview's.
 */
function* bilingualChecks(at: string, text: Localized | undefined, max: number): Generator<Check> {
  for (const lang of ['ru', 'en'] as const) yield [`${at}.${lang}`, textProblem(text?.[lang] ?? '', max)];
}

/** A list's length: none yet is waited for as empty, past a bound as wrong. */
const countProblem = (n: number, min: number, max: number) => (n === 0 ? EMPTY : n < min || n > max ? INVALID : null);

/** QuizQuestionSchema's rules for a quiz's questions, in the form's order. */
function* questionChecks(at: string, value: unknown): Generator<Check> {
  const questions = (Array.isArray(value) ? value : []) as NonNullable<CampaignSettings['quiz']>['questions'];
  yield [at, countProblem(questions.length, 1, MAX_QUIZ_QUESTIONS)];
  for (const [i, q] of questions.entries()) {
    const here = `${at}.${i}`;
    yield [`${here}.text`, settingTextProblem(q.text, MAX_SETTINGS_TEXT_LENGTH)];
    // The form has no picture field; one the document carries (a template's, the API's) is an https image.
    if (q.imageUrl !== undefined) yield [`${here}.imageUrl`, linkProblem(q.imageUrl, /^https:$/)];
    yield [`${here}.options`, countProblem(q.options.length, 2, MAX_QUIZ_OPTIONS)];
    for (const [j, o] of q.options.entries()) {
      yield [`${here}.options.${j}.text`, settingTextProblem(o.text, MAX_LABEL_LENGTH)];
    }
    yield [`${here}.correct`, countProblem(q.correct.length, 1, MAX_QUIZ_OPTIONS)];
    yield [`${here}.points`, numberProblem(q.points, 0, MAX_QUESTION_POINTS)];
  }
}

function fieldProblem(field: ConfigField, value: unknown): UnreadyReason | null {
  switch (field.type) {
    case 'url':
      return linkProblem(value);
    case 'number':
      if (value == null) return field.optional === true ? null : EMPTY;
      return whole(value, field.min) && (field.max === undefined || (value as number) <= field.max) ? null : INVALID;
    case 'text':
      return typeof value === 'string' ? textProblem(value, field.max) : null;
    case 'questions':
    case 'pool':
      return null;
  }
}

/** The wheel's numbers and lose label, and the pack code's pool and odds (WheelSettingsSchema, PackCodeSettingsSchema). */
function* playChecks({ wheel, packCode }: Partial<CampaignSettings>): Generator<Check> {
  if (wheel) {
    yield ['settings.wheel.dailyFreeAttempts', numberProblem(wheel.dailyFreeAttempts, 0, MAX_DAILY_ATTEMPTS)];
    yield ['settings.wheel.dailyAttemptLimit', numberProblem(wheel.dailyAttemptLimit, 1, MAX_DAILY_ATTEMPTS)];
    yield ['settings.wheel.resetHour', numberProblem(wheel.resetHour, 0, MAX_RESET_HOUR)];
    yield ['settings.wheel.loseWeight', numberProblem(wheel.loseWeight, 0, MAX_REWARD_WEIGHT)];
  }
  yield ['settings.wheel.loseLabel', settingTextProblem(wheel?.loseLabel, MAX_LABEL_LENGTH, true)];
  if (packCode) {
    // «No pool chosen» is the select's empty value.
    yield ['settings.packCode.poolKey', packCode.poolKey ? null : EMPTY];
    yield ['settings.packCode.loseWeight', numberProblem(packCode.loseWeight, 0, MAX_REWARD_WEIGHT)];
  }
}

/** The campaign's settings the form edits: the organiser, the quiz, the wheel, the pack code, the draw's prize, help. */
function* settingsChecks(settings: Partial<CampaignSettings>): Generator<Check> {
  const { organizer, quiz, draw, faq = [] } = settings;
  yield ['settings.organizer', settingTextProblem(organizer, MAX_SETTINGS_TEXT_LENGTH, true)];
  if (quiz) {
    yield* questionChecks('settings.quiz.questions', quiz.questions);
    yield ['settings.quiz.bands', countProblem(quiz.bands.length, 1, MAX_SCORE_BANDS)];
    for (const [i, band] of quiz.bands.entries()) {
      const at = `settings.quiz.bands.${i}`;
      yield [`${at}.minScore`, upTo(band.minScore, MAX_QUIZ_SCORE)];
      yield [`${at}.title`, settingTextProblem(band.title, MAX_LABEL_LENGTH)];
      yield [`${at}.text`, settingTextProblem(band.text, MAX_SETTINGS_TEXT_LENGTH, true)];
    }
  }
  yield* playChecks(settings);
  // The campaign day's hour outside the wheel (ScheduleSection): emptied, the setting is left out.
  yield ['settings.resetHour', numberProblem(settings.resetHour, 0, MAX_RESET_HOUR)];
  if (draw) {
    // DrawSettingsSchema's counts: winners required (at least one), reserves left out for none.
    yield [
      'settings.draw.winners',
      draw.winners === undefined ? EMPTY : numberProblem(draw.winners, 1, MAX_DRAW_WINNERS),
    ];
    yield ['settings.draw.reserves', numberProblem(draw.reserves, 0, MAX_DRAW_RESERVES)];
  }
  yield ['settings.draw.prize', settingTextProblem(draw?.prize, MAX_SETTINGS_TEXT_LENGTH, true)];
  // faqShape's rule: Russian required, English left out or written, each at most MAX_FAQ_TEXT_LENGTH.
  for (const [i, item] of faq.entries()) {
    for (const part of ['q', 'a'] as const) {
      const at = `settings.faq.${i}.${part}`;
      yield [`${at}.ru`, requiredTextProblem(item[part].ru, MAX_FAQ_TEXT_LENGTH)];
      const en = item[part].en;
      if (en !== undefined) yield [`${at}.en`, requiredTextProblem(en, MAX_FAQ_TEXT_LENGTH)];
    }
  }
}

/** RewardDocumentSchema's numbers, in the form's order: stock and daily cap (empty: none), weight, per-person limit. */
function* rewardNumberChecks(at: string, reward: Partial<Pick<DocumentReward, RewardFields>>): Generator<Check> {
  yield [`${at}.stock`, numberProblem(reward.stock, 0, MAX_STOCK, true)];
  yield [`${at}.dailyCap`, numberProblem(reward.dailyCap, 1, MAX_STOCK, true)];
  yield [`${at}.weight`, numberProblem(reward.weight, 0, MAX_REWARD_WEIGHT)];
  yield [`${at}.perUserLimit`, numberProblem(reward.perUserLimit, 1, MAX_PER_USER_LIMIT)];
  const tasks = reward.unlock && 'tasks' in reward.unlock ? reward.unlock.tasks : 'all';
  yield [`${at}.unlock.tasks`, tasks === 'all' ? null : numberProblem(tasks, 0, MAX_TASKS)];
}

/** Every field checked, in the form's order: the texts, the settings, the tasks, the rewards, the cover, the pools. */
function* documentChecks(doc: Checked): Generator<Check> {
  const { title, description, rulesText, settings, tasks, rewards = [], pools = [], theme } = doc;
  yield* bilingualChecks('title', title, MAX_TITLE_LENGTH);
  yield* bilingualChecks('description', description, MAX_DESCRIPTION_LENGTH);
  yield* bilingualChecks('rulesText', rulesText, MAX_RULES_LENGTH);
  yield* settingsChecks(settings);
  // «Add» is offered past the caps; the list itself is then refused.
  yield ['tasks', tasks.length > MAX_TASKS ? INVALID : null];
  for (const [i, task] of tasks.entries()) {
    yield* bilingualChecks(`tasks.${i}.title`, task.title, MAX_TITLE_LENGTH);
    yield* bilingualChecks(`tasks.${i}.description`, task.description, MAX_DESCRIPTION_LENGTH);
    yield [`tasks.${i}.attemptsGranted`, numberProblem(task.attemptsGranted, 0, MAX_TASK_ATTEMPTS_GRANTED)];
    for (const field of TASK_CONFIG_FIELDS[task.kind]) {
      const at = `tasks.${i}.config.${field.name}`;
      const value = task.config[field.name];
      if (field.type === 'questions') yield* questionChecks(at, value);
      else yield [at, fieldProblem(field, value)];
    }
  }
  yield ['rewards', rewards.length > MAX_REWARDS ? INVALID : null];
  for (const [i, reward] of rewards.entries()) {
    yield* bilingualChecks(`rewards.${i}.title`, reward.title, MAX_TITLE_LENGTH);
    yield* bilingualChecks(`rewards.${i}.description`, reward.description, MAX_DESCRIPTION_LENGTH);
    yield* bilingualChecks(`rewards.${i}.howToUse`, reward.howToUse, MAX_DESCRIPTION_LENGTH);
    yield* rewardNumberChecks(`rewards.${i}`, reward);
  }
  // ThemeSchema's cover: left out when the field is emptied, else an https image address.
  if (theme?.coverUrl !== undefined) yield ['theme.coverUrl', linkProblem(theme.coverUrl, /^https:$/)];
  // PoolDocumentSchema's rules: a pool made by «add a pool» or stored by an earlier release with a blank name.
  yield ['pools', pools.length > MAX_POOLS ? INVALID : null];
  for (const [i, pool] of pools.entries()) {
    yield [`pools.${i}.name`, requiredTextProblem(pool.name, MAX_POOL_NAME_LENGTH)];
    yield [`pools.${i}.lowStockThreshold`, upTo(pool.lowStockThreshold, MAX_LOW_STOCK_THRESHOLD)];
  }
}

/**
 * The first field the server would refuse as it stands (its form path) and why, or null when there is none.
 * @example unreadyField({ title: { ru: 'а'.repeat(201), en: '' }, settings: {}, tasks: [] })
 *   // { path: 'title.ru', reason: 'too_long', max: 200 }
 */
export function unreadyField(doc: Checked): Unready | null {
  for (const [path, problem] of documentChecks(doc)) if (problem) return { path, ...problem };
  return null;
}
