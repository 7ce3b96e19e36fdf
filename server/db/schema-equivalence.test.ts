/**
 * Proves server/db/schema (SQLite) and server/db/schema-pg (PostgreSQL) describe the same database: tables, exported
 * names, property names, columns (type family, not-null, primary key, default), keys, indexes and foreign keys, and, at
 * the type level, the same row types for domain code. The description is built from drizzle's own `getTableConfig`.
 */
import { getTableColumns, type InferInsertModel, type InferSelectModel, is, SQL, sql } from 'drizzle-orm';
import {
  type ExtraConfigColumn,
  getTableConfig as getPgTableConfig,
  PgTable,
  bigint as pgBigint,
  index as pgIndex,
  integer as pgInteger,
  pgTable,
  text as pgText,
  uniqueIndex as pgUniqueIndex,
} from 'drizzle-orm/pg-core';
import { getTableConfig as getSqliteTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as sqliteSchema from './schema/index.ts';
import { unixMs } from './schema-pg/columns.ts';
import * as pgSchema from './schema-pg/index.ts';

/** Column types by what the domain sees; an unknown type throws, so a new kind of column must be mapped here. */
const FAMILY: Record<string, string> = {
  SQLiteInteger: 'integer',
  SQLiteTimestamp: 'timestamp',
  SQLiteBoolean: 'boolean',
  SQLiteText: 'text',
  SQLiteTextJson: 'json',
  SQLiteBlobJson: 'json',
  PgInteger: 'integer',
  PgBigInt53: 'integer',
  PgSerial: 'integer',
  PgTimestamp: 'timestamp',
  PgBoolean: 'boolean',
  PgText: 'text',
  PgJsonb: 'json',
  PgJson: 'json',
};

type AnyColumn = {
  name: string;
  columnType: string;
  notNull: boolean;
  primary: boolean;
  hasDefault: boolean;
  default: unknown;
  enumValues?: readonly string[];
};

function family(column: AnyColumn): string {
  const found = FAMILY[column.columnType];
  if (!found) throw new Error(`${column.name}: no type family for ${column.columnType}`);
  return found;
}

/**
 * What a default means, whichever way the dialect spells it: a literal, a JSON literal (SQLite `'{}'`, pg `{}`), or
 * the current time in unix ms (SQLite `unixepoch('subsec') * 1000`, pg `statement_timestamp()`).
 */
function defaultOf(column: AnyColumn): unknown {
  if (!column.hasDefault) return undefined;
  const value = column.default;
  if (!is(value, SQL)) return value;
  const text = value.queryChunks.map((chunk) => (chunk as { value?: string[] }).value?.join('') ?? '?').join('');
  if (/unixepoch\('subsec'\) \* 1000|statement_timestamp\(\)/.test(text)) return 'now in unix ms';
  const quoted = /^'(.*)'$/.exec(text);
  if (quoted?.[1] !== undefined) return JSON.parse(quoted[1]);
  return `sql: ${text}`;
}

function describeColumn(property: string, column: AnyColumn) {
  return {
    property,
    name: column.name,
    family: family(column),
    notNull: column.notNull,
    primary: column.primary,
    default: defaultOf(column),
    enum: column.enumValues ?? null,
  };
}

/** A partial index's WHERE as text with columns by name: `used_at IS NULL` on both dialects. */
const predicate = (where: SQL): string =>
  where.queryChunks
    .map((chunk) =>
      is(chunk, SQL)
        ? predicate(chunk)
        : ((chunk as { value?: string[] }).value?.join('') ?? (chunk as { name?: string }).name ?? '?'),
    )
    .join('');

const columnNames = (columns: Array<Partial<{ name: string }> | SQL>) =>
  columns.map((c) => (is(c, SQL) ? 'sql expression' : c.name));

type Config = ReturnType<typeof getSqliteTableConfig> | ReturnType<typeof getPgTableConfig>;

function describeTable(exportName: string, table: SQLiteTable | PgTable, config: Config) {
  const columns = Object.entries(getTableColumns(table)).map(([property, column]) =>
    describeColumn(property, column as unknown as AnyColumn),
  );
  return {
    exportName,
    name: config.name,
    columns: columns.sort((a, b) => a.name.localeCompare(b.name)),
    primaryKeys: config.primaryKeys.map((pk) => pk.columns.map((c) => c.name)),
    uniqueConstraints: config.uniqueConstraints.map((u) => ({ name: u.name, columns: u.columns.map((c) => c.name) })),
    indexes: config.indexes
      .map((i) => ({
        name: i.config.name,
        columns: columnNames(i.config.columns as Array<Partial<{ name: string }> | SQL>),
        unique: i.config.unique,
        where: i.config.where ? predicate(i.config.where) : null,
      }))
      .sort((a, b) => String(a.name).localeCompare(String(b.name))),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const ref = fk.reference();
        return {
          columns: ref.columns.map((c) => c.name),
          target: ref.foreignTable[Symbol.for('drizzle:Name') as never] as string,
          targetColumns: ref.foreignColumns.map((c) => c.name),
          onDelete: fk.onDelete ?? 'no action',
          onUpdate: fk.onUpdate ?? 'no action',
        };
      })
      .sort((a, b) => a.columns.join().localeCompare(b.columns.join())),
  };
}

/** Every table a schema module exports, by export name, described the same way for either dialect. */
function describeSchema(schema: Record<string, unknown>) {
  const tables = Object.entries(schema).flatMap(([exportName, value]) => {
    if (is(value, SQLiteTable)) return [describeTable(exportName, value, getSqliteTableConfig(value))];
    if (is(value, PgTable)) return [describeTable(exportName, value, getPgTableConfig(value))];
    return [];
  });
  return tables.sort((a, b) => a.name.localeCompare(b.name));
}

const nonTableExports = (schema: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(schema).filter(([, value]) => !is(value, SQLiteTable) && !is(value, PgTable) && !is(value, SQL)),
  );

describe('SQLite and PostgreSQL schemas', () => {
  it('item 3: describe the same tables, columns, keys, indexes and foreign keys', () => {
    const sqlite = describeSchema(sqliteSchema);
    const pg = describeSchema(pgSchema);
    expect(pg.map((t) => t.name)).toEqual(sqlite.map((t) => t.name));
    expect(sqlite.length).toBeGreaterThanOrEqual(26);
    for (const [i, table] of sqlite.entries()) expect(pg[i], table.name).toEqual(table);
  });

  it('item 3: export the same enum lists and helpers', () => {
    const sqlite = nonTableExports(sqliteSchema);
    const pg = nonTableExports(pgSchema);
    expect(Object.keys(pg).sort()).toEqual(Object.keys(sqlite).sort());
    for (const [name, value] of Object.entries(sqlite)) if (typeof value !== 'function') expect(pg[name]).toBe(value);
  });

  it('item 3: the comparison notices a dropped column, a dropped or plain index, another WHERE, a lost default, BigInt values', () => {
    const expected = describeSchema(sqliteSchema);
    const withPoolCodes = (table: PgTable) => describeSchema({ ...pgSchema, poolCodes: table });
    /** promo_pool_codes rebuilt with one thing changed, so each difference below comes from that change alone. */
    type Change = 'no used_at' | 'no free index' | 'plain free index' | 'other WHERE' | 'no default' | 'BigInt';
    const poolCodes = (change?: Change) => {
      const columns = {
        id: pgInteger('id').primaryKey().generatedByDefaultAsIdentity(),
        poolId: pgInteger('pool_id')
          .notNull()
          .references(() => pgSchema.codePools.id),
        code: pgText('code').notNull(),
        participantId: pgInteger('participant_id').references(() => pgSchema.participants.id),
        // Typed as the right column so only the runtime differs: drizzle would read it back as a BigInt.
        usedAt:
          change === 'BigInt'
            ? (pgBigint('used_at', { mode: 'bigint' }) as unknown as ReturnType<typeof unixMs>)
            : unixMs('used_at'),
        createdAt: change === 'no default' ? unixMs('created_at').notNull() : pgSchema.createdAt(),
      };
      const { usedAt: _dropped, ...withoutUsedAt } = columns;
      const indexes = (
        t: Record<'id' | 'poolId' | 'code' | 'participantId', ExtraConfigColumn> & { usedAt?: ExtraConfigColumn },
      ) => {
        const free = pgIndex('promo_pool_codes_free_idx').on(t.poolId, t.id);
        const usedAt = t.usedAt ?? sql.raw('used_at');
        const where = change === 'other WHERE' ? sql`${usedAt} IS NOT NULL` : sql`${usedAt} IS NULL`;
        return [
          pgUniqueIndex('promo_pool_codes_code_idx').on(t.poolId, t.code),
          ...(change === 'no free index' ? [] : [change === 'plain free index' ? free : free.where(where)]),
          pgIndex('promo_pool_codes_participant_idx').on(t.participantId).where(sql`${t.participantId} IS NOT NULL`),
        ];
      };
      return change === 'no used_at'
        ? pgTable('promo_pool_codes', withoutUsedAt, indexes)
        : pgTable('promo_pool_codes', columns, indexes);
    };

    expect(withPoolCodes(poolCodes())).toEqual(expected);
    expect(withPoolCodes(poolCodes('no used_at'))).not.toEqual(expected);
    expect(withPoolCodes(poolCodes('no free index'))).not.toEqual(expected);
    expect(withPoolCodes(poolCodes('plain free index'))).not.toEqual(expected);
    expect(withPoolCodes(poolCodes('other WHERE'))).not.toEqual(expected);
    expect(withPoolCodes(poolCodes('no default'))).not.toEqual(expected);
    expect(() => withPoolCodes(poolCodes('BigInt'))).toThrow(/PgBigInt64/);
  });

  it('item 3: give domain code the same row types', () => {
    type S = typeof sqliteSchema;
    type P = typeof pgSchema;
    type Tables = { [K in keyof S]: S[K] extends SQLiteTable ? K : never }[keyof S] & keyof P;
    type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
    type Differs<Model extends 'select' | 'insert'> = {
      [K in Tables]: S[K] extends SQLiteTable
        ? P[K] extends PgTable
          ? Same<
              Model extends 'select' ? InferSelectModel<S[K]> : InferInsertModel<S[K]>,
              Model extends 'select' ? InferSelectModel<P[K]> : InferInsertModel<P[K]>
            > extends true
            ? never
            : K
          : K
        : never;
    }[Tables];
    expectTypeOf<Differs<'select'>>().toEqualTypeOf<never>();
    // SQLite lets an INTEGER PRIMARY KEY be left out of an insert (it becomes the rowid); PostgreSQL rightly wants these
    // two natural keys, which domain code always gives. Every other table inserts with the same type.
    expectTypeOf<Differs<'insert'>>().toEqualTypeOf<'messagingSettings' | 'quizResults'>();
  });
});
