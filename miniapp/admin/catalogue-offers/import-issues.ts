/** An import's problems as the office shows them: where (line, offer id or the whole file) and why, ru or en. */
import { fill } from '../../i18n-fill.ts';
import type { OffersOfficeMessages } from './i18n-offers-office.ts';
import type { ImportIssue } from './offers-office-api.ts';

/** The problems of a refused feed (422 `invalid_feed`), in the report's shape: line and/or offer id, code, message. */
export function refusedIssues(issues: { message: string; code?: string; params?: Record<string, unknown> }[]) {
  return issues.map(
    (i): ImportIssue => ({
      ...(typeof i.params?.line === 'number' ? { line: i.params.line } : {}),
      ...(typeof i.params?.offerId === 'string' ? { offerId: i.params.offerId } : {}),
      code: i.code ?? 'invalid_feed',
      message: i.message,
    }),
  );
}

/** `Line 40 · Offer BAD-PRICE`; a problem of the whole file (line 0, no id) says so. */
export function issuePlace(issue: ImportIssue, t: OffersOfficeMessages): string {
  const place = [
    issue.line ? fill(t.line, { n: issue.line }) : undefined,
    issue.offerId ? fill(t.offerId, { id: issue.offerId }) : undefined,
  ].filter(Boolean);
  return place.length > 0 ? place.join(' · ') : t.wholeFile;
}

/** The reason in the office's language by the issue's stable code; undefined for a code it has no words for. */
export const issueReason = (issue: ImportIssue, t: OffersOfficeMessages): string | undefined =>
  (t as Record<string, string>)[`reason_${issue.code}`];
