/**
 * @module JSON with each object's keys in order, so two values that hold the same fields compare equal however they
 * were built: PostgreSQL's jsonb gives a stored object back with its keys reordered, and a fresh object names them in
 * the order its code wrote them. Used where a request is compared with a stored row: a client key's repeat against
 * what it wrote (http/client-key.ts's users), an edit against the row it would change (office/audit.ts).
 */

/**
 * `undefined` fields are left out, as `JSON.stringify` leaves them out.
 * @example canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }) === '{"a":[{"c":3,"d":2}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
