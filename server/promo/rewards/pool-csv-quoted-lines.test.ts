/**
 * A code pool's file read by the shared CSV reader (server/http/csv-records.ts), as the catalogue reads its file: a
 * quoted cell may hold a line break, and a problem is named by the line its record starts on. Before, the pool split
 * the file at every line break itself: the second half of a quoted comment was refused as a code on a line of its own,
 * and a stray quote was called «not a code» instead of what it is. The large (chunked) import, on the real database.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import type { ImportProgress } from '../../db/schema/code-import.ts';
import type { ApiError } from '../../http/errors.ts';
import { createPromoWorld, type PromoWorld } from '../testing/promo-world.ts';
import { importCodes } from './code-imports.ts';

let w: PromoWorld;
afterEach(async () => w?.close());

async function emptyPool() {
  const campaign = await w.campaign();
  const id = await w.pool(campaign, 'extra', []);
  const [pool] = await w.deps.db.select().from(schema.codePools).where(eq(schema.codePools.id, id));
  if (!pool) throw new Error('no pool');
  return pool;
}

const refusal = (run: Promise<unknown>) =>
  run.then(
    () => undefined,
    (err: ApiError) => err.issues?.map((i) => [i.path, i.code, i.params]),
  );

describe("a pool's file with a line break inside quotes", () => {
  it('the comment spanning lines 2–3 is one record: the bad row is line 5, and nothing else is refused', async () => {
    w = await createPromoWorld();
    const pool = await emptyPool();
    const file = [
      'Промокод;Комментарий',
      'AAA-111;"первая строка',
      'вторая строка"',
      'BBB-222;ок',
      'bad code!;x',
      'CCC-333;ок',
      '',
    ].join('\r\n');
    // Chunks of two records, so the file crosses chunks as a 100 000-code file does.
    expect(await refusal(importCodes(w.deps.db, pool, file, { chunk: 2 }))).toEqual([
      ['line 5', 'not_a_code', { value: '"bad code!"' }],
    ]);
    expect(await w.deps.db.select().from(schema.poolCodes).where(eq(schema.poolCodes.poolId, pool.id))).toEqual([]);
  });

  it('without the bad row the codes around the quoted comment are imported, and the progress counts the lines', async () => {
    w = await createPromoWorld();
    const pool = await emptyPool();
    const file = 'Промокод;Комментарий\nAAA-111;"первая строка\nвторая строка"\nBBB-222;ок\nCCC-333\n';
    const seen: ImportProgress[] = [];
    const result = await importCodes(w.deps.db, pool, file, { onProgress: (p) => seen.push({ ...p }), chunk: 2 });
    expect(result).toEqual({ imported: 3, total: 3, ignoredColumns: ['Комментарий'] });
    const parsing = seen.filter((p) => p.phase === 'parsing');
    expect(parsing.at(-1)).toMatchObject({ lines: 6, linesParsed: 6 });
    expect(parsing.every((p) => p.linesParsed <= p.lines)).toBe(true);
  });

  it('a quote never closed is refused as such on the line it opens, nothing imported', async () => {
    w = await createPromoWorld();
    const pool = await emptyPool();
    const file = 'AAA-111\n"BBB-222;x\nCCC-333\nDDD-444\n';
    expect(await refusal(importCodes(w.deps.db, pool, file))).toEqual([['line 2', 'unclosed_quote', { opened: 2 }]]);
    expect(await w.deps.db.select().from(schema.poolCodes).where(eq(schema.poolCodes.poolId, pool.id))).toEqual([]);
  });
});
