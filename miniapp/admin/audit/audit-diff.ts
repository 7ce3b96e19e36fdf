/**
 * An audit entry's before → after as a list of changed fields. Nested objects are read as dotted fields
 * (`settings.wheel.spins`), lists as one value; fields equal on both sides are left out. A field named like a secret
 * (token, secret, password) is shown masked even if a writer ever stored it in the clear: the log is read by more
 * people than those who may see the keys.
 */

export interface FieldChange {
  /** Dotted path of the field; empty when the whole value is a single scalar. */
  field: string;
  /** Display text; null when the field was absent on that side. */
  before: string | null;
  after: string | null;
}

const SECRET = /token|secret|password/i;
/** Already masked by the server (server/office/agency/agency-secrets.ts): bullets or an ellipsis. */
const MASKED = /[•…*]/;
const MAX_TEXT = 300;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const PERSON_FIELDS = new Set(['platform', 'userId', 'profileUrl']);

/** A person as an entry records one (`{ platform, userId }`, decision 109): one value, not two fields. */
export function isPersonValue(v: unknown): v is { platform: string; userId: string } {
  return (
    isRecord(v) &&
    typeof v.platform === 'string' &&
    typeof v.userId === 'string' &&
    Object.keys(v).every((k) => PERSON_FIELDS.has(k))
  );
}

/** Leaves of a value by dotted path; a scalar, a list or a person is its own leaf under `prefix`. */
function leaves(value: unknown, prefix: string, into: Map<string, unknown>): Map<string, unknown> {
  if (isRecord(value) && !(prefix !== '' && isPersonValue(value))) {
    for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, into);
  } else if (value !== undefined) {
    into.set(prefix, value);
  }
  return into;
}

/** What a secret may show: its last four characters at most. */
export function maskSecret(value: string): string {
  if (MASKED.test(value)) return value;
  return value.length >= 12 ? `••••${value.slice(-4)}` : '••••';
}

/** How the screen words a value it knows (a role, a section list, a date); undefined: the plain rendering. */
export type ValueWords = (field: string, value: unknown) => string | undefined;

/** A value as text: lists joined, objects as compact JSON, long text cut. */
function text(field: string, value: unknown, words?: ValueWords): string | null {
  if (value === undefined) return null;
  const last = field.split('.').at(-1) ?? field;
  const secret = SECRET.test(last) && value !== null;
  const worded = secret ? undefined : words?.(last, value);
  let out: string;
  if (worded !== undefined) out = worded;
  else if (value === null) out = '—';
  else if (typeof value === 'string') out = value;
  else if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) out = value.join(', ');
  else if (typeof value === 'object') out = JSON.stringify(value);
  else out = String(value);
  if (secret) out = maskSecret(out);
  return out.length > MAX_TEXT ? `${out.slice(0, MAX_TEXT)}…` : out;
}

/**
 * The fields that differ between `before` and `after` (absent or null sides count as "nothing").
 * @example auditDiff({ role: 'brand_member', sections: ['mailings'] }, { role: 'brand_member', sections: ['stats'] })
 * // [{ field: 'sections', before: 'mailings', after: 'stats' }]
 */
export function auditDiff(before: unknown, after: unknown, words?: ValueWords): FieldChange[] {
  const b = leaves(before ?? undefined, '', new Map());
  const a = leaves(after ?? undefined, '', new Map());
  const fields = [...new Set([...b.keys(), ...a.keys()])];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const was = text(field, b.get(field), words);
    const now = text(field, a.get(field), words);
    if (JSON.stringify(b.get(field)) !== JSON.stringify(a.get(field))) changes.push({ field, before: was, after: now });
  }
  return changes;
}
