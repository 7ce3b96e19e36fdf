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
 * columns); undefined for a code it has no words for.
 */
export function issueReason(issue: ImportIssue, t: OffersOfficeMessages): string | undefined {
  const reason = (t as Record<string, string>)[`reason_${issue.code}`];
  const worded = reason === undefined ? undefined : fill(reason, issue.params ?? {});
  // A value the server did not send (an older server) would show as `{known}`: its own message says it better.
  return worded?.match(/\{\w+\}/) ? undefined : worded;
}

/**
 * The server's own message to show under the reason: only where the office's words lack what it names (a bad cell's
 * value); a reason worded from the server's values (a refused header's columns) already says all of it, and the
 * English sentence under the Russian one would only repeat it in another language. Undefined: nothing under it.
 */
export function issueDetail(issue: ImportIssue, t: OffersOfficeMessages): string | undefined {
  const reason = issueReason(issue, t);
  if (reason === undefined) return undefined;
  const template = (t as Record<string, string>)[`reason_${issue.code}`] ?? '';
  return /\{\w+\}/.test(template) ? undefined : issue.message;
}
