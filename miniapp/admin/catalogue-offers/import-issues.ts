/** An import's problems as the office shows them: where (line, offer id or the whole file) and why, ru or en. */
import { fill } from '../../i18n-fill.ts';
import type { OffersOfficeMessages } from './i18n-offers-office.ts';
import type { ImportIssue } from './offers-office-api.ts';

/**
 * The problems of a refused feed (422 `invalid_feed`), in the report's shape: line and/or offer id, code, message, and
 * the texts the message names (`params`) for the reason to hold.
 */
export function refusedIssues(issues: { message: string; code?: string; params?: Record<string, unknown> }[]) {
  return issues.map((i): ImportIssue => {
    const { line, offerId, ...named } = i.params ?? {};
    const texts = Object.entries(named).filter((e): e is [string, string] => typeof e[1] === 'string');
    return {
      ...(typeof line === 'number' ? { line } : {}),
      ...(typeof offerId === 'string' ? { offerId } : {}),
      code: i.code ?? 'invalid_feed',
      message: i.message,
      ...(texts.length > 0 ? { params: Object.fromEntries(texts) } : {}),
    };
  });
}

/** `Line 40 · Offer BAD-PRICE`; a problem of the whole file (line 0, no id) says so. */
export function issuePlace(issue: ImportIssue, t: OffersOfficeMessages): string {
  const place = [
    issue.line ? fill(t.line, { n: issue.line }) : undefined,
    issue.offerId ? fill(t.offerId, { id: issue.offerId }) : undefined,
  ].filter(Boolean);
  return place.length > 0 ? place.join(' · ') : t.wholeFile;
}

/**
 * The reason in the office's language by the issue's stable code, holding what the server named (a refused header's
 * columns, a bad cell's field and value: `{fieldName}` is the field as the office calls it); undefined for a code it
 * has no words for.
 */
export function issueReason(issue: ImportIssue, t: OffersOfficeMessages): string | undefined {
  const words = t as Record<string, string>;
  const reason = words[`reason_${issue.code}`];
  const values: Record<string, string> = { ...issue.params };
  if (values.field !== undefined) values.fieldName = words[`field_${values.field}`] ?? values.field;
  const worded = reason === undefined ? undefined : fill(reason, values);
  // A value the server did not send (an older server) would show as `{known}`: its own message says it better.
  return worded?.match(/\{\w+\}/) ? undefined : worded;
}

/** Codes whose message holds more than any reason can: the XML parser's own account of where the feed breaks. */
const MESSAGE_SAYS_MORE: ReadonlySet<string> = new Set(['bad_xml']);

/**
 * The server's own message to show under the reason: only where it says what no reason can (the XML parser's words).
 * Every other reason is worded from the server's values (the field, the value as written, a header's columns) and
 * says all the English does: the English sentence under the Russian one would only repeat it (decision 083).
 * Undefined: nothing under it.
 */
export function issueDetail(issue: ImportIssue, t: OffersOfficeMessages): string | undefined {
  if (issueReason(issue, t) === undefined) return undefined;
  return MESSAGE_SAYS_MORE.has(issue.code) ? issue.message : undefined;
}
