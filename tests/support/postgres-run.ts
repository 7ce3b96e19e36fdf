/**
 * vitest globalSetup for `TEST_DIALECT=postgres` (vitest.config.ts): once per run, a migrated template database that
 * every test world copies (`CREATE DATABASE … TEMPLATE`, far quicker than migrating each), and a shared database
 * for code that opens the database named by the process's own `DATABASE_URL`. Everything the run created (names
 * start with `TEST_PG_RUN`) is dropped at the end, including worlds a test left open.
 */
import { openPostgres } from '../../server/db/postgres.ts';
import { createDatabase, databasesNamed, dropDatabase, testDatabaseUrl } from './postgres.ts';

export function templateName(run: string): string {
  return `${run}_tmpl`;
}

export function sharedName(run: string): string {
  return `${run}_shared`;
}

export async function setup(): Promise<() => Promise<void>> {
  const run = process.env.TEST_PG_RUN;
  if (!run)
    throw new Error('postgres-run: TEST_PG_RUN is not set (vitest.config.ts sets it with TEST_DIALECT=postgres)');
  await createDatabase(templateName(run));
  const template = await openPostgres(testDatabaseUrl(templateName(run)));
  await template.close();
  await createDatabase(sharedName(run), templateName(run));
  return async () => {
    for (const name of await databasesNamed(run)) await dropDatabase(name);
  };
}
