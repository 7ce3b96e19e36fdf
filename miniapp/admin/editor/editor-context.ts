/**
 * What every editor field needs: the language being edited, the server's problems (to mark the field they name),
 * whether the form is read-only (an old revision), whether a published campaign's dates are locked for this member
 * (no `launch` right, decision 116), and the office strings.
 */
import { createContext, useContext } from 'react';
import { formatDateTime } from '../../i18n.ts';
import { fill } from '../../i18n-fill.ts';
import type { Problem } from '../office-api.ts';
import { type OfficeServices, useOffice } from '../use-office.ts';

export interface EditorState {
  lang: 'ru' | 'en';
  problems: readonly Problem[];
  readOnly: boolean;
  /** Start, end and time zone (which moves them) shown disabled, with one line why. */
  datesLocked?: boolean;
  /** That line: no `launch` right, or the member's rights unknown (their request failed); none while asked. */
  datesWhy?: 'no_launch' | 'rights_unknown' | undefined;
}

/**
 * The line said where the dates are locked (under them, and on their problems in the list): why, in words.
 * @example datesLockedLine(t, 'no_launch') // t.datesNeedLaunchRight
 */
export function datesLockedLine(t: OfficeServices['t'], why: EditorState['datesWhy']): string | undefined {
  return why === 'no_launch' ? t.datesNeedLaunchRight : why === 'rights_unknown' ? t.datesNeedRights : undefined;
}

/** Why the dates are locked for this member, when they are (the `datesLockedWhy` of problemText and datesLockedLine). */
export const datesLockedWhy = (state: Pick<EditorState, 'datesLocked' | 'datesWhy'>) =>
  state.datesLocked ? state.datesWhy : undefined;

export const EditorContext = createContext<EditorState>({ lang: 'ru', problems: [], readOnly: false });

/** The DOM id of the field at a document path (`rewards.2.stock`), so a problem can lead to it. */
export function fieldId(path: string): string {
  return `field-${path}`;
}

/** The problems at a path or inside it (`title` holds `title.en`). */
export function problemsAt(problems: readonly Problem[], path: string): Problem[] {
  return problems.filter((p) => p.path === path || p.path.startsWith(`${path}.`));
}

/**
 * Params that hold a code of the document (a mechanic, a task kind, a legal type, a pool's purpose), filled in as the
 * form names them: «механике «Задания»», not «механике «tasks»».
 */
const WORDED_PARAMS: Record<string, string> = {
  mechanic: 'mechanic_',
  kind: 'kind_',
  legalType: 'legal_',
  purpose: 'purpose_',
};

/**
 * Problems whose words ask the member to move a date: where the dates are locked for them (`datesLockedWhy`), the
 * words say who can instead (no `launch`), or only what is wrong (rights unknown; the line why is beside it), as
 * EndsInPastOffer does. Before, a member whose end field was disabled was told to move it and save.
 */
const LOCKED_DATE_WORDS: Record<string, Record<NonNullable<EditorState['datesWhy']>, OfficeWord>> = {
  ends_in_past: { no_launch: 'endsInPastAskLauncherShort', rights_unknown: 'endsInPastRightsUnknown' },
};
type OfficeWord = keyof OfficeServices['t'];

/**
 * A problem in words, by its stable code (params filled in), in the office's language. An instant it names (a param
 * `…At` in milliseconds) reads as a date and time in the zone the problem gives (the campaign's), not as a number.
 * `datesLockedWhy`: why the start, end and zone are locked for this member, when they are.
 * @example problemText(t, { path: 'endsAt', code: 'ends_in_past', severity: 'error', params: {} }, 'ru', 'no_launch')
 */
export function problemText(
  t: OfficeServices['t'],
  problem: Problem,
  language: 'ru' | 'en',
  datesLockedWhy?: EditorState['datesWhy'],
): string {
  const words = t as Record<string, string>;
  const locked = datesLockedWhy && LOCKED_DATE_WORDS[problem.code]?.[datesLockedWhy];
  const template = locked ? t[locked] : words[`problem_${problem.code}`];
  if (template === undefined) return fill(t.problem_generic, { code: problem.code });
  const zone = problem.params?.timeZone;
  const param = (k: string, v: unknown) => {
    if (k.endsWith('At') && typeof v === 'number' && typeof zone === 'string') return formatDateTime(v, language, zone);
    const prefix = WORDED_PARAMS[k];
    return (prefix !== undefined ? words[`${prefix}${String(v)}`] : undefined) ?? String(v);
  };
  return fill(template, Object.fromEntries(Object.entries(problem.params ?? {}).map(([k, v]) => [k, param(k, v)])));
}

export function useEditor(): EditorState & OfficeServices {
  return { ...useOffice(), ...useContext(EditorContext) };
}
