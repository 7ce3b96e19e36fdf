/**
 * Where a problem of the rule editor shows and how it is named: every field of the form with the paths the server's
 * 422 issues use for it (`variants.0.text`, the main text, is typed in variant A's Russian box) and its name in plain
 * words for the line under Save ("Вариант A: текст (русский)"). The server's issues reach here as the campaign
 * editor's problems (problemsOfRefusal), worded by its problemText; blanks are found here before a save is sent.
 */

import { hasVisibleText } from '../../../server/http/visible-text.ts';
import { fill } from '../../i18n-fill.ts';
import { problemText } from '../editor/editor-context.ts';
import { problemsOfRefusal } from '../editor/use-campaign-draft.ts';
import type { OfficeServices } from '../use-office.ts';
import { LANGUAGES, type Language, type NewRule } from './mailing-api.ts';
import type { MailingsServices } from './use-mailings.ts';

/** A problem at a path of the rule, in words. */
export interface FieldProblem {
  path: string;
  text: string;
}

export interface RuleField {
  /** The field's id: its main path, also its `data-testid` as `rule-field-<id>`. */
  id: string;
  /** The paths shown at this field: each itself and anything inside it (`segment.tags` holds `segment.tags.0`). */
  paths: string[];
  name: string;
}

type Messages = MailingsServices['m'];

const shows = (text: string | undefined) => hasVisibleText(text ?? '');

const within = (path: string, field: string) => path === field || path.startsWith(`${field}.`);

/** The box a variant's main text (`text`) is typed in: Russian, unless only the English one is written. */
const mainTextLanguage = (v: NewRule['variants'][number]): Language =>
  !shows(v.texts?.ru) && shows(v.texts?.en) ? 'en' : 'ru';

/** The form's fields in the order they claim a path: a variant's own fields before the variant, all before the list. */
export function ruleFields(m: Messages, draft: NewRule): RuleField[] {
  const one = (id: string, name: string): RuleField => ({ id, paths: [id], name });
  const variants = draft.variants.flatMap((v, i): RuleField[] => {
    const at = `variants.${i}`;
    const variant = fill(m.variant, { key: v.key });
    const texts = LANGUAGES.map((l) => ({
      id: `${at}.texts.${l}`,
      paths: [`${at}.texts.${l}`, ...(mainTextLanguage(v) === l ? [`${at}.text`] : [])],
      name: fill(m.variantText, { variant, language: m[`language_${l}`] }),
    }));
    return [...texts, one(`${at}.fragment`, fill(m.variantLink, { variant })), one(at, variant)];
  });
  return [
    one('name', m.name),
    one('stage', m.stage),
    one('notStage', m.notStage),
    one('minHours', m.minHours),
    one('maxHours', m.maxHours),
    one('segment.source', m.source),
    one('segment.tags', m.tags),
    one('segment.languages', m.languages),
    { id: 'channel', paths: ['channel', 'intent'], name: m.channel },
    ...variants,
    one('variants', m.variants),
    one('holdoutPercent', m.holdout),
    { id: 'quietHours', paths: ['quietFromHour', 'quietToHour'], name: `${m.quietFrom} … ${m.quietTo}` },
  ];
}

/** The field a path is shown at, if the form has one. */
export function fieldOf(fields: readonly RuleField[], path: string): RuleField | undefined {
  return fields.find((f) => f.paths.some((p) => within(path, p)));
}

/**
 * What a save would be refused for and the server cannot say well: no name, a variant with no text at all. Text of only
 * spaces, zero-width or control characters is as blank as none: the server's one rule (server/http/visible-text.ts).
 */
export function blankProblems(m: Messages, draft: NewRule): FieldProblem[] {
  const blanks: FieldProblem[] = shows(draft.name) ? [] : [{ path: 'name', text: m.blank }];
  draft.variants.forEach((v, i) => {
    if (!(shows(v.texts?.ru) || shows(v.texts?.en) || shows(v.text))) {
      blanks.push({ path: `variants.${i}.text`, text: m.blankText });
    }
  });
  return blanks;
}

/** A refused save's field problems (its 422 issues by path), worded as the campaign editor words them. */
export function refusedProblems(err: unknown, services: Pick<OfficeServices, 'language' | 't'>): FieldProblem[] {
  const problems = problemsOfRefusal(err, services.language) ?? [];
  return problems.map((p) => ({ path: p.path, text: problemText(services.t, p, services.language) }));
}

/** The names of the fields with problems, once each, in the form's order; a path no field shows is named as is. */
export function problemNames(fields: readonly RuleField[], problems: readonly FieldProblem[]): string[] {
  const named = fields.filter((f) => problems.some((p) => fieldOf(fields, p.path) === f));
  const loose = problems.filter((p) => !fieldOf(fields, p.path)).map((p) => `${p.path}: ${p.text}`);
  return [...named.map((f) => f.name), ...new Set(loose)];
}
