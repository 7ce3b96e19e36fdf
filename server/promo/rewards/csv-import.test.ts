import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { closedAfterTest } from '../../../tests/support/world-per-test.ts';
import { schema } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { parseMomentCsv } from '../calendar/moment-csv.ts';
import { openCampaign } from '../participation/participation.service.ts';
import { createPromoWorld, type PromoWorld } from '../testing/promo-world.ts';
import { importCodes } from './code-imports.ts';
import { parseCodesCsv } from './csv-import.ts';
import { claimReward } from './reward.service.ts';

/** The current test's world, closed when it ends (tests that only parse make none). */
let w: PromoWorld;

async function poolRow(id: number) {
  const p = (await w.deps.db.select().from(schema.codePools).where(eq(schema.codePools.id, id)).limit(1))[0];
  if (!p) throw new Error('no pool');
  return p;
}

async function importError(fn: () => Promise<unknown>): Promise<ApiError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected an ApiError');
}

describe('CSV import', () => {
  it('parses a header, quotes, extra columns, CRLF and blank lines', async () => {
    w = closedAfterTest(await createPromoWorld());
    const { codes, errors } = parseCodesCsv('\uFEFFcode,note\r\n"AAA-1",x\r\n\r\nBBB_2;y\nCCC3\n');
    expect(errors).toEqual([]);
    expect(codes).toEqual([
      { line: 2, code: 'AAA-1' },
      { line: 4, code: 'BBB_2' },
      { line: 5, code: 'CCC3' },
    ]);
  });

  it('a quoted code holding `""` is read as the cell it is and refused, never cut at the escaped quote (found from outside: «QUO» imported from "QUO""TE-1")', () => {
    const { codes, errors } = parseCodesCsv('"QUO""TE-1";500\r\n"GOOD-1"\r\n"OK""";x\r\n"AB"CD-1;y\r\n');
    // What follows a closing quote is the cell's too, as Excel reads it: "AB"CD-1 is ABCD-1.
    expect(codes).toEqual([
      { line: 2, code: 'GOOD-1' },
      { line: 4, code: 'ABCD-1' },
    ]);
    expect(errors.map((e) => [e.line, e.code, e.params.value])).toEqual([
      [1, 'not_a_code', '"QUO\\"TE-1"'],
      [3, 'not_a_code', '"OK\\""'],
    ]);
  });

  it('the `;;` lines Excel writes for empty rows of a formatted sheet are blank lines, not codes (found from outside: refused as «""» is not a code)', () => {
    const { codes, errors } = parseCodesCsv(
      'Промокод;Номинал\r\nAAA-1;5\r\n;;\r\n"";\r\n\t\r\n ; "" ;\r\nBBB-2;5\r\n;;\r\n',
    );
    expect([codes.map((c) => c.code), errors]).toEqual([['AAA-1', 'BBB-2'], []]);
  });

  it('skips a first line that heads the column as a brand exports it; any other first line is read as a code (found from outside: «Промокод» was refused)', async () => {
    w = closedAfterTest(await createPromoWorld());
    for (const header of [
      'Промокод',
      'Промокоды',
      '"Промокод"',
      'ПРОМО-КОД',
      'Коды',
      'Code',
      'CODES',
      'promo code',
      '"Promo Code";"Номинал"',
      'Promo_Codes,Expires',
      'Купон\tСкидка',
      '\uFEFF"Промокод";"Срок действия"',
      'Промокод:',
      '«Номер купона:»;Номинал, руб.',
    ]) {
      const { codes, errors } = parseCodesCsv(`${header}\r\nAAA111;500\r\nBBB222;500\r\n`);
      expect(errors, header).toEqual([]);
      expect(
        codes.map((c) => c.code),
        header,
      ).toEqual(['AAA111', 'BBB222']);
    }
    // Not a header word: the first line is still refused on line 1, naming the header expected (never skipped).
    for (const first of ['Список кодов', 'codes for June']) {
      const { errors } = parseCodesCsv(`${first}\nAAA111\n`);
      expect(
        errors.map((e) => [e.line, e.code, e.params.expected]),
        first,
      ).toEqual([[1, 'unknown_header', 'code / Промокод']]);
    }
    expect(parseCodesCsv('A!\nAAA111\n').errors.map((e) => [e.line, e.code])).toEqual([[1, 'not_a_code']]);
    // …and one that looks like a code is imported as one.
    expect(parseCodesCsv('Hello\nAAA111\n').codes.map((c) => c.code)).toEqual(['Hello', 'AAA111']);
    // A header word on another line is a code like any other (here a malformed one).
    expect(parseCodesCsv('AAA111\nПромокод\n').errors.map((e) => e.line)).toEqual([2]);
  });

  it('a first line naming the code column twice («Промокод;Код») is refused naming both, not skipped (found from outside: the second one was dropped without a word)', () => {
    expect(parseCodesCsv('"Промокод";"Номинал";"Код:"\nAAA111;500;BBB222\n').errors).toEqual([
      {
        line: 1,
        code: 'repeated_column',
        params: { first: '"Промокод"', second: '"Код:"', column: 'code / Промокод' },
        message: 'the columns "Промокод" and "Код:" both mean code / Промокод: keep one',
      },
    ]);
  });

  it('imports all codes or none, naming every bad line', async () => {
    w = closedAfterTest(await createPromoWorld());
    const pool = await poolRow(await w.pool(await w.campaign(), 'p', ['OLD-1']));
    const err = await importError(() => importCodes(w.deps.db, pool, 'NEW-1\nNEW-2\nbad code!\nNEW-1\nOLD-1\nx\n'));
    expect(err.status).toBe(422);
    expect(err.code).toBe('invalid_csv');
    expect(err.issues?.map((i) => i.path)).toEqual(['line 3', 'line 4', 'line 5', 'line 6']);
    expect(err.issues?.[1]?.message).toContain('repeats line 1');
    expect(err.issues?.[2]?.message).toContain('already in the pool');
    expect(await w.deps.db.select().from(schema.poolCodes)).toHaveLength(1);
    expect(await importCodes(w.deps.db, pool, 'NEW-1\nNEW-2\n')).toEqual({
      imported: 2,
      total: 3,
      ignoredColumns: [],
    });
  });

  it('refuses an empty file', async () => {
    w = closedAfterTest(await createPromoWorld());
    const pool = await poolRow(await w.pool(await w.campaign(), 'p', []));
    expect((await importError(() => importCodes(w.deps.db, pool, 'code\n\n'))).issues?.[0]?.message).toMatch(
      /no codes/,
    );
  });

  it('entry pools compare codes case-insensitively', async () => {
    w = closedAfterTest(await createPromoWorld());
    const pool = await poolRow(await w.pool(await w.campaign(), 'p', [], 'entry'));
    expect((await importError(() => importCodes(w.deps.db, pool, 'abc-1\nABC-1\n'))).issues?.[0]?.path).toBe('line 2');
  });
});

describe('brand routes for pools', () => {
  async function setup(sections: string[], role: 'brand_admin' | 'brand_member' | 'agency_admin' = 'brand_member') {
    w = closedAfterTest(await createPromoWorld());
    const id = await w.campaign();
    const poolId = await w.pool(id, 'p', ['A-1', 'A-2', 'A-3']);
    await w.reward(id, 'r', { poolId });
    await w.write((tx) =>
      tx.insert(schema.memberships).values({
        platform: 'vk',
        platformUserId: '500',
        agencyId: w.agencyId,
        brandId: role === 'agency_admin' ? null : w.brandId,
        role,
        sections,
      }),
    );
    return { id, poolId };
  }

  it('imports for a member with prize rights and shows stock with the low-stock flag', async () => {
    const { id, poolId } = await setup(['prizes']);
    await openCampaign(w.deps, w.identity(1), id, {});
    await claimReward(w.deps, w.identity(1), id, 'r');
    const list = await w.call('GET', `/api/admin/campaigns/${id}/pools`, 500);
    expect(list.status).toBe(200);
    // 2 of 3 left is not low: the threshold (2) is capped at a tenth of the codes loaded, rounded up (decision 095).
    expect((await list.json()).pools[0]).toMatchObject({
      total: 3,
      used: 1,
      free: 2,
      lowStockAt: 1,
      lowStock: false,
      soldOut: false,
    });
    const res = await w.call('POST', `/api/admin/campaigns/${id}/pools/${poolId}/codes`, 500, { csv: 'B-1\nB-2\n' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ imported: 2, total: 5, stock: { free: 4, lowStock: false } });
  });

  it('answers 422 with line issues, 403 without rights, 404 for another campaign pool', async () => {
    const { id, poolId } = await setup(['stats']);
    const denied = await w.call('POST', `/api/admin/campaigns/${id}/pools/${poolId}/codes`, 500, { csv: 'B-1' });
    expect(denied.status).toBe(403);
    expect((await denied.json()).error.code).toBe('forbidden');
    // 501 is no member of the brand: the office gate answers as for a campaign that does not exist.
    expect((await w.call('GET', `/api/admin/campaigns/${id}/pools`, 501)).status).toBe(404);
    const again = await setup([], 'agency_admin');
    const bad = await w.call('POST', `/api/admin/campaigns/${again.id}/pools/${again.poolId}/codes`, 500, {
      csv: 'A-1\n',
    });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.issues).toEqual([
      { path: 'line 1', message: 'A-1 is already in the pool', code: 'already_in_pool', params: { value: 'A-1' } },
    ]);
    const other = await w.campaign();
    expect(
      (await w.call('POST', `/api/admin/campaigns/${other}/pools/${again.poolId}/codes`, 500, { csv: 'Z-1' })).status,
    ).toBe(404);
  });

  it("a code typed with Excel's text apostrophe ('LEAD-1) is the code, as the prize calendar reads its cells (before: refused as no code)", () => {
    const { codes, errors } = parseCodesCsv("Промокод;Номинал\n'LEAD-1;500\n\"'0012-AB\"\n'LEAD-2\n");
    expect(errors).toEqual([]);
    expect(codes).toEqual([
      { line: 2, code: 'LEAD-1' },
      { line: 3, code: '0012-AB' },
      { line: 4, code: 'LEAD-2' },
    ]);
    // One marker, taken off once: a second apostrophe is the code's, and refused as none.
    expect(parseCodesCsv("''LEAD-1").errors.map((e) => e.code)).toEqual(['not_a_code']);
    // The calendar reads the same cell the same way.
    const calendar = parseMomentCsv("'mug;'2026-06-01T12:00:00Z", new Set(['mug']), 'Europe/Moscow');
    expect([calendar.errors, calendar.moments.map((m) => m.rewardKey)]).toEqual([[], ['mug']]);
  });
});
