/**
 * Every row of every table of a test world, keyed by table name: the audit matrix compares two snapshots to prove a
 * refused or invalid request changed nothing, and reads the audited row before and after a change.
 */
import { getTableName, is, Table } from 'drizzle-orm';
import { type Db, schema } from '../../server/db/client.ts';

export type Snapshot = Map<string, Record<string, unknown>[]>;

/** Tables any request may touch without changing business state (rate-limit buckets, leases). */
const VOLATILE = new Set(['rate_limit_buckets', 'leases']);

const tables = (Object.values(schema) as unknown[]).filter((t): t is Table => is(t, Table));

export async function snapshot(db: Db): Promise<Snapshot> {
  const read = tables
    .filter((table) => !VOLATILE.has(getTableName(table)))
    .map(async (table) => {
      const rows = (await db.select().from(table as never)) as Record<string, unknown>[];
      return [getTableName(table), rows.map((r) => JSON.parse(JSON.stringify(r)) as Record<string, unknown>)] as const;
    });
  return new Map(await Promise.all(read));
}

/** `table: row count and first differing row` for every table that differs; empty when both are the same. */
export function differences(a: Snapshot, b: Snapshot): string[] {
  const out: string[] = [];
  for (const [name, rows] of a) {
    const other = b.get(name) ?? [];
    const key = (r: Record<string, unknown>) => JSON.stringify(r);
    const left = new Set(rows.map(key));
    const right = new Set(other.map(key));
    const gone = [...left].filter((r) => !right.has(r));
    const added = [...right].filter((r) => !left.has(r));
    if (gone.length > 0 || added.length > 0)
      out.push(`${name}: -${gone.length} +${added.length} ${(added[0] ?? gone[0] ?? '').slice(0, 200)}`);
  }
  return out;
}

/** The row of `table` whose `id` is `id` (as the audit entry names it), or undefined. */
export const rowOf = (s: Snapshot, table: string, id: string) => (s.get(table) ?? []).find((r) => String(r.id) === id);
