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

/**
 * PostgreSQL only: inserts into `table` matching `when` (a condition on `NEW`) take `ms` longer (`pg_sleep` in a
 * trigger), so a test can make one handler the slow one without a sleep in the code under test. SQLite has no such
 * wait: its statements run on the event loop's thread, and a trigger that waited would stop everything else too.
 * @example const undelay = await delayInserts(w.deps.db, 'tickets', 300, "NEW.subject = 'first'"); … await undelay();
 */
export async function delayInserts(db: Db, table: string, ms: number, when = 'true'): Promise<() => Promise<void>> {
  if (!testsOnPostgres()) throw new Error('delayInserts: PostgreSQL only');
  const name = `slow_${table}_${Math.random().toString(36).slice(2, 8)}`;
  const exec = (statements: string[]) =>
    inTransaction(db, async (tx) => {
      for (const statement of statements) {
        await (tx as unknown as { execute: (q: unknown) => Promise<unknown> }).execute(sql.raw(statement));
      }
    });
  await exec([
    `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF ${when} THEN PERFORM pg_sleep(${ms / 1000}); END IF; RETURN NEW; END $$`,
    `CREATE TRIGGER ${name} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`,
  ]);
  return () => exec([`DROP TRIGGER ${name} ON ${table}`, `DROP FUNCTION ${name}()`]);
}
