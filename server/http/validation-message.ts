/**
 * @module The message of a schema refusal: which fields are wrong and why, in one line a log reader or an API client
 * understands without opening the issues ("2 fields of the body are invalid: title (Too big: …); price (…)").
 * The issues stay the machine's answer (field-issues.ts); this line only repeats their first few, bounded, since a
 * field's path comes from what the client sent.
 */
import type { ErrorIssue } from './errors.ts';

/** What each part of a request calls its fields, singular and plural. */
const FIELD_NOUNS: Record<string, [string, string]> = {
  json: ['field of the body', 'fields of the body'],
  form: ['form field', 'form fields'],
  query: ['query parameter', 'query parameters'],
  param: ['path parameter', 'path parameters'],
  header: ['header', 'headers'],
  cookie: ['cookie', 'cookies'],
};

/**
 * How many issues a schema refusal answers: one per field is enough to mark a form, and thousands of bad list items
 * (a 1 MB body) would otherwise be an answer many times the body's size. The message still counts them all.
 */
export const MAX_ANSWERED_ISSUES = 100;

/** How many fields the line names before "and N more". */
const NAMED_FIELDS = 3;
/** How much of one field's path or reason the line repeats. */
const PART_CHARS = 120;

const cut = (text: string) => (text.length <= PART_CHARS ? text : `${text.slice(0, PART_CHARS)}…`);

/**
 * @example validationMessage('json', [{ path: 'title', message: 'Too big: expected string to have <=200 characters' }])
 *   // '1 field of the body is invalid: title (Too big: expected string to have <=200 characters)'
 * @example validationMessage('json', [{ path: '', message: 'Invalid input: expected object, received array' }])
 *   // 'The body is invalid: Invalid input: expected object, received array'
 */
export function validationMessage(target: string, issues: readonly ErrorIssue[]): string {
  const [one, many] = FIELD_NOUNS[target] ?? ['field', 'fields'];
  // A field with several problems is named once, with its first.
  const byField = new Map<string, string>();
  for (const issue of issues) if (!byField.has(issue.path)) byField.set(issue.path, issue.message);
  const whole = byField.get('');
  if (whole !== undefined && byField.size === 1) {
    return `The ${target === 'json' ? 'body' : target} is invalid: ${cut(whole)}`;
  }
  const named = [...byField]
    .slice(0, NAMED_FIELDS)
    .map(([path, message]) => `${cut(path || '(whole)')} (${cut(message)})`);
  const more = byField.size > NAMED_FIELDS ? `; and ${byField.size - NAMED_FIELDS} more` : '';
  const count = byField.size === 1 ? `1 ${one} is` : `${byField.size} ${many} are`;
  return `${count} invalid: ${named.join('; ')}${more}`;
}
