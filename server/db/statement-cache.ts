/**
 * drizzle's better-sqlite3 session calls `client.prepare(sql)` for every query it runs, and preparing costs more
 * than running a small query. This keeps each distinct SQL string's prepared statement and hands it back.
 * drizzle switches a statement to raw (array) mode with `.raw()` when it maps rows itself, so a statement that
 * returns data is reset to object mode each time it is handed out.
 */
import type Database from 'better-sqlite3';

const MAX_STATEMENTS = 2000;

export function cachePreparedStatements(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  // biome-ignore lint/suspicious/noExplicitAny: matching better-sqlite3's overloaded prepare signature.
  (sqlite as any).prepare = (source: string) => {
    let statement = cache.get(source);
    if (!statement) {
      statement = prepare(source);
      if (cache.size >= MAX_STATEMENTS) cache.clear();
      cache.set(source, statement);
    }
    if (statement.reader) statement.raw(false);
    return statement;
  };
}
