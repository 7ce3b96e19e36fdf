/**
 * @module Hot queries, declared once and run many times, the same way on either database. The domain declares a query
 * as a builder over a handle with `sql.placeholder(…)` for what varies (portable drizzle), and runs it with
 * `all/get/run(handle, params)`, always awaited.
 *
 * Why: building a query (drizzle walking its SQL tree) and preparing it (SQLite parsing and planning it) was most of a
 * claim's CPU once every query was built per call (decision 021). On SQLite the two connections of a database (the
 * reading `db` and the writing `tx`, both stable objects, registered in transactions.ts) keep each statement built
 * and prepared, so a call only binds its parameters. Any other handle (PostgreSQL's pool or a transaction's handle
 * there, or a connection that was not opened by `openDatabase`) gets the query built and prepared for that call, so the
 * domain code stays one path. The cache holds statements only, never results or decisions: every call runs its SQL.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './client.ts';
import { isSqliteConnection } from './transactions.ts';

/** What drizzle's query builders share on both drivers: a prepared form that executes with placeholder values. */
interface Preparable {
  prepare(): Prepared;
}
interface Prepared {
  execute(params?: Record<string, unknown>): unknown;
}

/** Values for a statement's placeholders, by name. */
export type Params = Record<string, unknown>;

/**
 * A query declared once. `Q` is the builder's type, so a run resolves to exactly what awaiting the builder would.
 * @example
 * const grantOf = statement((db) => db.select().from(schema.grants)
 *   .where(and(eq(schema.grants.participantId, sql.placeholder('participantId')),
 *              eq(schema.grants.rewardId, sql.placeholder('rewardId')))).limit(rows(1)));
 * const grant = await grantOf.get(tx, { participantId: 7, rewardId: 1 });
 */
export interface Statement<Q extends Preparable> {
  /** Every row (or, for a write without `.returning()`, the driver's result). */
  all(handle: Db, params?: Params): Promise<Awaited<Q>>;
  /** The first row, or undefined. */
  get(handle: Db, params?: Params): Promise<ElementOf<Awaited<Q>> | undefined>;
  /** A write: the rows of its `.returning()`, or the driver's result (read counts with `changedRows`). */
  run(handle: Db, params?: Params): Promise<Awaited<Q>>;
}

type ElementOf<T> = T extends readonly (infer E)[] ? E : never;

/** Built and prepared statements per SQLite connection; a connection that is closed and dropped takes its own along. */
const preparedOn = new WeakMap<Db, Map<object, Prepared>>();

/**
 * Declares a query. `build` must depend on nothing but the handle (values go in placeholders): its result is reused
 * for every later call on the same SQLite connection.
 */
export function statement<Q extends Preparable>(build: (handle: Db) => Q): Statement<Q> {
  const key = {};
  const prepare = (handle: Db): Prepared => {
    if (!isSqliteConnection(handle)) return build(handle).prepare();
    let statements = preparedOn.get(handle);
    if (!statements) {
      statements = new Map();
      preparedOn.set(handle, statements);
    }
    let prepared = statements.get(key);
    if (!prepared) {
      prepared = build(handle).prepare();
      statements.set(key, prepared);
    }
    return prepared;
  };
  const execute = async (handle: Db, params?: Params): Promise<Awaited<Q>> =>
    (await prepare(handle).execute(params)) as Awaited<Q>;
  return {
    all: execute,
    run: execute,
    async get(handle, params) {
      const rows = (await execute(handle, params)) as unknown as readonly ElementOf<Awaited<Q>>[];
      return rows[0];
    },
  };
}

/**
 * A placeholder where drizzle's types take no `sql.placeholder` (an UPDATE's `.set({ … })`). Its value goes to the
 * driver as given (no column encoding): use it for numbers and strings, not for JSON columns.
 * @example tx.update(t).set({ usedAt: bound('at') })
 */
export const bound = (name: string): SQL => sql`${sql.placeholder(name)}`;

/**
 * A row limit written into the SQL text, for `.limit(…)` in a declared statement. drizzle sends `.limit(1)` as a bound
 * parameter, and SQLite (3.53 here) reads a bound LIMIT's value while planning, which marks the statement to be
 * prepared again whenever that parameter is bound, i.e. on every run: a declared statement with `.limit(1)` was
 * parsed and planned on every call, ≈ 60 µs for the claim's seven-table lookup, 3 µs for a one-table read
 * (decision 035). The cast is drizzle's: `.limit` is typed `number | Placeholder` but writes any SQL it is given as is.
 * @example statement((db) => db.select().from(t).where(…).limit(rows(1)))
 */
export const rows = (count: number): number => {
  if (!Number.isSafeInteger(count) || count < 0) throw new Error(`rows: ${count} is not a row count`);
  return sql.raw(String(count)) as unknown as number;
};

/**
 * For a query whose SQL differs by a few shapes (which column holds a platform's app id, a condition present or not):
 * one statement per shape, declared on first use.
 * @example const lookup = byShape((platform: Platform) => statement((db) => …)); await lookup('vk').get(db, params);
 */
export function byShape<K extends string, S>(declare: (shape: K) => S): (shape: K) => S {
  const declared = new Map<K, S>();
  return (shape) => {
    let found = declared.get(shape);
    if (found === undefined) {
      found = declare(shape);
      declared.set(shape, found);
    }
    return found;
  };
}
