/**
 * Whether the editor's document is one the preview may send yet. The preview is asked in the background while the
 * brand types (PreviewPane, debounced), so a task switched to «visit a link» whose address is still empty, or half
 * typed, was sent as it stood and refused (422 invalid_input at tasks.N.config.url) on every pause: a console error
 * and a request the server could only refuse. So was a quiz question just added (its text and options empty, at
 * settings.quiz.questions.N.text) until its last option was typed, a quiz task's attempts past the server's ten, and
 * a title or description made only of zero-width characters. The task fields come from the form's own table
 * (TASK_CONFIG_FIELDS); what they, a quiz's questions and bands and the document's texts must hold is the server's
 * shapes' (server/promo/settings.ts TaskConfigSchemas, QuizSettingsSchema, WebLinkSchema; campaign-document.ts
 * BilingualSchema), with its bounds imported, and previewable.test.ts checks the form's states called ready here are
 * accepted there. Decision 107.
 */

import { hasVisibleText } from '../../../server/http/visible-text.ts';
import { MAX_QUIZ_OPTIONS, MAX_QUIZ_QUESTIONS } from '../../../server/promo/quiz/quiz-bounds.ts';
import { type ConfigField, TASK_CONFIG_FIELDS } from '../editor/task-config-fields.ts';
import type { DocumentReward, DocumentTask, Localized, LocalizedSetting, QuizSettings } from '../office-api.ts';

/** A field's form path, and whether the server takes what it holds. */
type Check = readonly [path: string, ready: boolean];

type TaskTexts = 'title' | 'description';
type RewardTexts = 'title' | 'description' | 'howToUse';

/** What of the document the preview checks: its texts, the quiz and the tasks' configs. */
interface Checked {
  title?: Localized;
  description?: Localized;
  rulesText?: Localized;
  settings: { quiz?: QuizSettings };
  tasks: readonly (Pick<DocumentTask, 'kind' | 'config'> & Partial<Pick<DocumentTask, TaskTexts>>)[];
  rewards?: readonly Partial<Pick<DocumentReward, RewardTexts>>[];
}

/** WebLinkSchema's rule: an http(s) address the URL parser reads, at most 2000 characters. */
const MAX_LINK = 2000;
function isWebLink(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > MAX_LINK || !URL.canParse(value)) return false;
  return /^https?:$/.test(new URL(value).protocol);
}

const whole = (value: unknown, min = 0) => Number.isInteger(value) && (value as number) >= min;

/** visibleTextOrEmpty's rule (server/http/text-fields.ts): empty once trimmed, or showing something. */
const emptyOrVisible = (s: string) => !s.trim() || hasVisibleText(s);

/**
 * LocalizedTextSchema's rule (server/campaigns/content-language.ts): no language only blank-looking, and one shows
 * something. `orEmpty`, LocalizedTextOrEmptySchema's: it may also be empty, plain or in every language (a band's
 * description typed and cleared again).
 */
function textReady(text: LocalizedSetting | undefined, orEmpty = false): boolean {
  const texts = typeof text === 'string' ? [text] : [text?.ru ?? '', text?.en ?? ''];
  return (orEmpty || texts.some(hasVisibleText)) && texts.every(emptyOrVisible);
}

/**
 * BilingualSchema's rule for the document's own texts (campaign-document.ts): each language empty or showing
 * something. One empty in every language is the save's refusal (required-texts.ts), not the preview's.
 */
function* bilingualChecks(at: string, text: Localized | undefined): Generator<Check> {
  for (const lang of ['ru', 'en'] as const) yield [`${at}.${lang}`, emptyOrVisible(text?.[lang] ?? '')];
}

/** QuizQuestionSchema's rules for a quiz's questions, in the form's order. */
function* questionChecks(at: string, value: unknown): Generator<Check> {
  const questions = (Array.isArray(value) ? value : []) as QuizSettings['questions'];
  yield [at, questions.length > 0 && questions.length <= MAX_QUIZ_QUESTIONS];
  for (const [i, q] of questions.entries()) {
    const here = `${at}.${i}`;
    yield [`${here}.text`, textReady(q.text)];
    yield [`${here}.options`, q.options.length > 1 && q.options.length <= MAX_QUIZ_OPTIONS];
    for (const [j, o] of q.options.entries()) yield [`${here}.options.${j}.text`, textReady(o.text)];
    yield [`${here}.correct`, q.correct.length > 0 && q.correct.length <= MAX_QUIZ_OPTIONS];
    yield [`${here}.points`, whole(q.points)];
  }
}

function fieldReady(field: ConfigField, value: unknown): boolean {
  switch (field.type) {
    case 'url':
      return isWebLink(value);
    case 'number':
      if (value == null) return field.optional === true;
      return whole(value, field.min) && (field.max === undefined || (value as number) <= field.max);
    case 'text':
      return typeof value !== 'string' || emptyOrVisible(value);
    case 'questions':
    case 'pool':
      return true;
  }
}

/** Every field checked, in the form's order: the texts, the quiz section, the tasks, the rewards. */
function* documentChecks({
  title,
  description,
  rulesText,
  settings: { quiz },
  tasks,
  rewards = [],
}: Checked): Generator<Check> {
  yield* bilingualChecks('title', title);
  yield* bilingualChecks('description', description);
  yield* bilingualChecks('rulesText', rulesText);
  if (quiz) {
    yield* questionChecks('settings.quiz.questions', quiz.questions);
    yield ['settings.quiz.bands', quiz.bands.length > 0];
    for (const [i, band] of quiz.bands.entries()) {
      const at = `settings.quiz.bands.${i}`;
      yield [`${at}.minScore`, whole(band.minScore)];
      yield [`${at}.title`, textReady(band.title)];
      yield [`${at}.text`, textReady(band.text, true)];
    }
  }
  for (const [i, task] of tasks.entries()) {
    yield* bilingualChecks(`tasks.${i}.title`, task.title);
    yield* bilingualChecks(`tasks.${i}.description`, task.description);
    for (const field of TASK_CONFIG_FIELDS[task.kind]) {
      const at = `tasks.${i}.config.${field.name}`;
      const value = task.config[field.name];
      if (field.type === 'questions') yield* questionChecks(at, value);
      else yield [at, fieldReady(field, value)];
    }
  }
  for (const [i, reward] of rewards.entries()) {
    for (const name of ['title', 'description', 'howToUse'] as const) {
      yield* bilingualChecks(`rewards.${i}.${name}`, reward[name]);
    }
  }
}

/**
 * The first field of the quiz or a task the server would refuse as it stands (its form path), or null when there is
 * none.
 */
export function unreadyField(doc: Checked): string | null {
  for (const [path, ready] of documentChecks(doc)) if (!ready) return path;
  return null;
}
