/**
 * @module Which database this process runs on, decided once, before any domain module is evaluated.
 * Domain modules take their tables from `schema` (client.ts) when they are first imported (`const { outbox } =
 * schema`), so the choice cannot wait for `loadConfig()`: it is read here from the same variable the config
 * validates, `DATABASE_URL` (a postgres:// URL → PostgreSQL; absent → SQLite at `DATABASE_PATH`). `openDb` then
 * refuses a config that names the other database, so a process can never mix the two (docs/decisions/020).
 */

export type Dialect = 'sqlite' | 'postgres';

/** The database a `DATABASE_URL` value names: PostgreSQL for postgres:// or postgresql://, else SQLite. */
export function dialectOf(databaseUrl: string | undefined): Dialect {
  return databaseUrl && /^postgres(ql)?:\/\//i.test(databaseUrl) ? 'postgres' : 'sqlite';
}

/**
 * This process's database. The one read of `process.env` outside config.ts, for the reason above; config.ts
 * validates the value and stops the process on a malformed one.
 */
export const PROCESS_DIALECT: Dialect = dialectOf(process.env.DATABASE_URL);

/**
 * Throws unless this process runs on `dialect`: a database of the other kind would be written with the wrong
 * tables (drizzle would build SQL for one dialect and send it to the other).
 */
export function assertProcessDialect(dialect: Dialect, what: string): void {
  if (dialect === PROCESS_DIALECT) return;
  throw new Error(
    `${what}: this process was started for ${PROCESS_DIALECT === 'postgres' ? 'PostgreSQL (DATABASE_URL is a postgres:// URL)' : 'SQLite (DATABASE_URL is not set)'}` +
      ` and its tables were chosen for that at start; it cannot open a ${dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'} database. ` +
      'Set DATABASE_URL in the environment before the process starts.',
  );
}
