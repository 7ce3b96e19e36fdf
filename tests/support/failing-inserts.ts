/**
 * Fault injection for tests, on either database: a trigger that makes inserts into `table` fail (those matching
 * `when`, a condition on `NEW`) with `message`, until the returned function removes it.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.ts';
import { inTransaction } from '../../server/db/transactions.ts';
import { testsOnPostgres } from './world-database.ts';

/**
 * `timing: 'AFTER'` fails the statement once the row is in: a step that fails after the insert succeeded.
 * @example const disarm = await failInserts(w.deps.db, 'outbox', 'simulated crash', "NEW.kind = 'reply'"); … await disarm();
 */
export async function failInserts(
  db: Db,
  table: string,
  message: string,
  when = 'true',
  timing: 'BEFORE' | 'AFTER' = 'BEFORE',
): Promise<() => Promise<void>> {
  const name = `fail_${table}_${Math.random().toString(36).slice(2, 8)}`;
  const exec = (statements: string[]) =>
    inTransaction(db, async (tx) => {
      for (const statement of statements) {
        // drizzle's SQLite handle runs a statement with `run`, its PostgreSQL one with `execute`.
        const handle = tx as unknown as {
          run?: (q: unknown) => Promise<unknown>;
          execute?: (q: unknown) => Promise<unknown>;
        };
        await (handle.run ?? handle.execute)?.call(tx, sql.raw(statement));
      }
    });
  if (testsOnPostgres()) {
    await exec([
      `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF ${when} THEN RAISE EXCEPTION '${message}'; END IF; RETURN NEW; END $$`,
      `CREATE TRIGGER ${name} ${timing} INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`,
    ]);
    return () => exec([`DROP TRIGGER ${name} ON ${table}`, `DROP FUNCTION ${name}()`]);
  }
  await exec([
    `CREATE TRIGGER ${name} ${timing} INSERT ON ${table} WHEN ${when} BEGIN SELECT RAISE(ABORT, '${message}'); END`,
  ]);
  return () => exec([`DROP TRIGGER ${name}`]);
}
