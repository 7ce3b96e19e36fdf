/** The office's pool writes: creating a pool (or a sandbox) behind `prizes` rights, each write in the audit log. */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_POOL_NAME_LENGTH } from '../../campaigns/content-bounds.ts';
import { schema } from '../../db/client.ts';
import { excelUnicodeText } from '../../http/testing/excel-unicode-text.ts';
import { windows1251 } from '../../http/testing/windows-1251.ts';
import { createPromoWorld, type PromoWorld } from '../testing/promo-world.ts';
import { importCodes } from './code-imports.ts';

let w: PromoWorld;
afterEach(async () => w?.close());

const PRIZES = 510;
const CAMPAIGNS_ONLY = 511;
const STRANGER = 512;

async function setup() {
  w = await createPromoWorld();
  for (const [user, sections] of [
    [PRIZES, ['prizes']],
    [CAMPAIGNS_ONLY, ['campaigns']],
  ] as const) {
    await w.write((tx) =>
      tx.insert(schema.memberships).values({
        platform: 'vk',
        platformUserId: String(user),
        agencyId: w.agencyId,
        brandId: w.brandId,
        role: 'brand_admin',
        sections: [...sections],
      }),
    );
  }
  return w.campaign();
}

describe('pool writes in the office', () => {
  it('item 1: creating a pool needs `prizes` rights, answers 404 for an unknown campaign, 409 for a taken key', async () => {
    const id = await setup();
    const body = { key: 'gifts', name: 'Gift codes', lowStockThreshold: 5 };
    expect((await w.call('POST', `/api/admin/campaigns/${id}/pools`, CAMPAIGNS_ONLY, body)).status).toBe(403);
    // A stranger gets the unknown campaign's 404 (server/auth/office-gate.ts).
    expect((await w.call('POST', `/api/admin/campaigns/${id}/pools`, STRANGER, body)).status).toBe(404);
    expect((await w.call('POST', '/api/admin/campaigns/9999/pools', PRIZES, body)).status).toBe(404);
    expect((await w.app.request(`/api/admin/campaigns/${id}/pools`, { method: 'POST' })).status).toBe(401);
    const created = await w.call('POST', `/api/admin/campaigns/${id}/pools`, PRIZES, body);
    expect(created.status).toBe(201);
    const pool = await created.json();
    // No code loaded yet: neither low nor sold out (decision 099).
    expect(pool).toMatchObject({ key: 'gifts', total: 0, free: 0, lowStock: false, soldOut: false, sandbox: false });
    expect(pool).toMatchObject({ sandboxOf: null });
    expect((await w.call('POST', `/api/admin/campaigns/${id}/pools`, PRIZES, body)).status).toBe(409);
    expect(
      (await w.call('POST', `/api/admin/campaigns/${id}/pools`, PRIZES, { key: 'Bad Key', name: 'x' })).status,
    ).toBe(422);
    const sandbox = await w.call('POST', `/api/admin/campaigns/${id}/pools`, PRIZES, {
      key: 'gifts-test',
      name: 'Test codes',
      sandboxOf: pool.poolId,
    });
    expect(sandbox.status).toBe(201);
    const sandboxPool = await sandbox.json();
    expect(sandboxPool).toMatchObject({ sandbox: true, sandboxOf: pool.poolId });
    // One sandbox per real pool: testers take from one only, so a second would never be used.
    const second = await w.call('POST', `/api/admin/campaigns/${id}/pools`, PRIZES, {
      key: 'gifts-test-2',
      name: 'More test codes',
      sandboxOf: pool.poolId,
    });
    expect(second.status).toBe(409);
    expect(((await second.json()) as { error: { code: string } }).error.code).toBe('sandbox_exists');
    // A sandbox of a sandbox (or of another campaign's pool) is refused.
    expect(
      (
        await w.call('POST', `/api/admin/campaigns/${id}/pools`, PRIZES, {
          key: 'x',
          name: 'x',
          sandboxOf: sandboxPool.poolId,
        })
      ).status,
    ).toBe(422);
    const audit = await w.deps.db.select().from(schema.officeAudit);
    expect(audit.map((a) => [a.action, a.actorUserId, a.section])).toEqual([
      ['pool.create', String(PRIZES), 'prizes'],
      ['pool.create', String(PRIZES), 'prizes'],
    ]);
  });

  it('a pool’s name is bounded as the campaign document bounds it: 200 characters (the routes took 120, so a pool the document named 121–200 could not be made here); past it a 422 naming `name`, nothing written', async () => {
    const id = await setup();
    const named = (key: string, n: number) => ({ key, name: 'я'.repeat(n) });
    const long = await w.call('POST', `/api/admin/campaigns/${id}/pools`, PRIZES, named('long', MAX_POOL_NAME_LENGTH));
    expect(long.status).toBe(201);
    const past = await w.call(
      'POST',
      `/api/admin/campaigns/${id}/pools`,
      PRIZES,
      named('past', MAX_POOL_NAME_LENGTH + 1),
    );
    expect(past.status).toBe(422);
    expect(((await past.json()) as { error: { issues: { path: string }[] } }).error.issues[0]?.path).toBe('name');
    const pools = await w.deps.db.select().from(schema.codePools);
    expect(pools.map((p) => p.key)).toEqual(['long']);
  });

  it('item 1: an import writes one audit entry, in the transaction that puts its codes into the pool (decision 118)', async () => {
    const id = await setup();
    const poolId = await w.pool(id, 'p', []);
    const res = await w.app.request(`/api/admin/campaigns/${id}/pools/${poolId}/codes`, {
      method: 'POST',
      headers: { Authorization: w.vkAuth(PRIZES), 'Content-Type': 'text/csv' },
      body: 'code\nAAA-1\nAAA-2\nAAA-3\n',
    });
    expect(res.status).toBe(200);
    const [entry] = await w.deps.db.select().from(schema.officeAudit);
    expect(entry).toMatchObject({ action: 'pool.import', entity: 'pool', entityId: String(poolId), section: 'prizes' });
    expect(entry?.after).toMatchObject({ codes: 3, firstLine: 2, lastLine: 4 });
    // A failing audit write rolls the whole file back: the log cannot miss codes that are in the pool.
    const [pool] = await w.deps.db.select().from(schema.codePools).where(eq(schema.codePools.id, poolId));
    await expect(
      importCodes(w.deps.db, pool as NonNullable<typeof pool>, 'BBB-1\nBBB-2\nBBB-3\n', {
        chunk: 2,
        onWritten: async () => {
          throw new Error('audit refused');
        },
      }),
    ).rejects.toThrow('audit refused');
    const codes = (await w.deps.db.select().from(schema.poolCodes)).map((c) => c.code).sort();
    expect(codes).toEqual(['AAA-1', 'AAA-2', 'AAA-3']);
  });

  it('a file saved from a spreadsheet with its «Промокод» header (BOM, semicolons, quotes) imports its codes (found from outside: refused on line 1)', async () => {
    const id = await setup();
    const poolId = await w.pool(id, 'p', []);
    const res = await w.app.request(`/api/admin/campaigns/${id}/pools/${poolId}/codes`, {
      method: 'POST',
      headers: { Authorization: w.vkAuth(PRIZES), 'Content-Type': 'text/csv; charset=utf-8' },
      body: '\uFEFF"Промокод";"Номинал"\r\n"SUMMER-1";"500"\r\n"SUMMER-2";"500"\r\n',
    });
    expect([res.status, await res.json()]).toMatchObject([200, { imported: 2, total: 2 }]);
    expect((await w.deps.db.select().from(schema.poolCodes)).map((c) => c.code).sort()).toEqual([
      'SUMMER-1',
      'SUMMER-2',
    ]);
  });

  it('a file Russian Excel saved («CSV (разделители - запятые)»: Windows-1251, `;`) with its «Промокод» header imports its codes (found from outside: the header read as U+FFFD and the file was refused on line 1)', async () => {
    const id = await setup();
    const poolId = await w.pool(id, 'p', []);
    const res = await w.app.request(`/api/admin/campaigns/${id}/pools/${poolId}/codes`, {
      method: 'POST',
      headers: { Authorization: w.vkAuth(PRIZES), 'Content-Type': 'text/csv' },
      body: windows1251('Промокод;Номинал\r\nWINTER-1;500 руб.\r\nWINTER-2;500 руб.\r\n'),
    });
    expect([res.status, await res.json()]).toMatchObject([200, { imported: 2, total: 2 }]);
    expect((await w.deps.db.select().from(schema.poolCodes)).map((c) => c.code).sort()).toEqual([
      'WINTER-1',
      'WINTER-2',
    ]);
  });

  it('other Russian headings of the code column («Номер купона», «Сертификат») are skipped; an unknown one is a 422 naming the column in both languages, nothing written (found from outside: refused as "not a code")', async () => {
    const id = await setup();
    const poolId = await w.pool(id, 'p', []);
    const send = (text: string) =>
      w.app.request(`/api/admin/campaigns/${id}/pools/${poolId}/codes`, {
        method: 'POST',
        headers: { Authorization: w.vkAuth(PRIZES), 'Content-Type': 'text/csv' },
        body: windows1251(text),
      });
    const unknown = await send('Список подарков;Номинал\r\nWINTER-1;500\r\n');
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).error.issues).toEqual([
      {
        path: 'line 1',
        code: 'unknown_header',
        params: { value: '"Список подарков"', expected: 'code / Промокод' },
        message: '"Список подарков" is not a header this import knows; expected the columns code / Промокод',
      },
    ]);
    expect(await w.deps.db.select().from(schema.poolCodes)).toEqual([]);
    for (const [header, code] of [
      ['Номер купона;Номинал', 'WINTER-1'],
      ['Сертификат', 'WINTER-2'],
    ]) {
      const res = await send(`${header}\r\n${code};500\r\n`);
      expect([res.status, await res.json()], header).toMatchObject([200, { imported: 1 }]);
    }
    // A first line that is a malformed code is still that code's problem.
    const short = await send('AB\r\nWINTER-3\r\n');
    expect((await short.json()).error.issues).toMatchObject([{ path: 'line 1', code: 'not_a_code' }]);
  });

  it('a code heading with a colon («Промокод:») is skipped as the header it is; one naming the code column twice («Промокод;Код») is a 422 naming both, nothing written (found from outside: «Промокод:» refused as unknown, the second column dropped without a word)', async () => {
    const id = await setup();
    const poolId = await w.pool(id, 'p', []);
    const send = (text: string) =>
      w.app.request(`/api/admin/campaigns/${id}/pools/${poolId}/codes`, {
        method: 'POST',
        headers: { Authorization: w.vkAuth(PRIZES), 'Content-Type': 'text/csv' },
        body: windows1251(text),
      });
    const twice = await send('Промокод;Код\r\nWINTER-1;WINTER-9\r\n');
    expect(twice.status).toBe(422);
    expect((await twice.json()).error.issues).toEqual([
      {
        path: 'line 1',
        code: 'repeated_column',
        params: { first: '"Промокод"', second: '"Код"', column: 'code / Промокод' },
        message: 'the columns "Промокод" and "Код" both mean code / Промокод: keep one',
      },
    ]);
    expect(await w.deps.db.select().from(schema.poolCodes)).toEqual([]);
    const colon = await send('Промокод:;Номинал, руб.\r\nWINTER-1;500\r\n');
    expect([colon.status, await colon.json()]).toMatchObject([200, { imported: 1 }]);
  });

  it('columns past the code column are said back in the import result, as written (found from outside: «Номинал» and «Срок действия» dropped without a word); a `;` file keeps a comma inside its heading', async () => {
    const id = await setup();
    const poolId = await w.pool(id, 'p', []);
    const send = (text: string, prefer?: string) =>
      w.app.request(`/api/admin/campaigns/${id}/pools/${poolId}/codes`, {
        method: 'POST',
        headers: {
          Authorization: w.vkAuth(PRIZES),
          'Content-Type': 'text/csv',
          ...(prefer ? { Prefer: prefer } : {}),
        },
        body: windows1251(text),
      });
    const res = await send('Промокод;Номинал, руб.;;Срок действия;\r\nWINTER-1;500;;2026-12-31;\r\n');
    expect([res.status, await res.json()]).toMatchObject([
      200,
      { imported: 1, ignoredColumns: ['Номинал, руб.', 'Срок действия'] },
    ]);
    // The job the office watches carries it too.
    const started = await send('"Код купона","Номинал"\r\nWINTER-2,500\r\n', 'respond-async');
    const { import: job } = await started.json();
    let done = job;
    while (done.state === 'running') {
      await new Promise((r) => setTimeout(r, 5));
      done = await (
        await w.call('GET', `/api/admin/campaigns/${id}/pools/${poolId}/imports/${job.importId}`, PRIZES)
      ).json();
    }
    expect(done).toMatchObject({ state: 'done', result: { imported: 1, ignoredColumns: ['Номинал'] } });
    // Only codes, or no header at all: nothing to say.
    for (const text of ['Промокод\r\nWINTER-3\r\n', 'WINTER-4\r\n']) {
      expect((await (await send(text)).json()).ignoredColumns, text).toEqual([]);
    }
  });

  it('a file without a header whose lines hold a second column («AAA-1;500») imports the codes and names that column by its spreadsheet letter, sync and async (found from outside: dropped without a word)', async () => {
    const id = await setup();
    const poolId = await w.pool(id, 'p', []);
    const send = (text: string, prefer?: string) =>
      w.app.request(`/api/admin/campaigns/${id}/pools/${poolId}/codes`, {
        method: 'POST',
        headers: { Authorization: w.vkAuth(PRIZES), 'Content-Type': 'text/csv', ...(prefer ? { Prefer: prefer } : {}) },
        body: windows1251(text),
      });
    const res = await send('NOHEAD-1;500\r\nNOHEAD-2;500;;\r\n\r\nNOHEAD-3;;;до 31.12\r\n');
    expect([res.status, await res.json()]).toMatchObject([200, { imported: 3, ignoredColumns: ['B', 'D'] }]);
    const started = await send('"NOHEAD-4","Скидка, %"\r\n', 'respond-async');
    const { import: job } = await started.json();
    let done = job;
    while (done.state === 'running') {
      await new Promise((r) => setTimeout(r, 5));
      done = await (
        await w.call('GET', `/api/admin/campaigns/${id}/pools/${poolId}/imports/${job.importId}`, PRIZES)
      ).json();
    }
    expect(done).toMatchObject({ state: 'done', result: { imported: 1, ignoredColumns: ['B'] } });
    // Empty cells after the code are no column of data.
    expect((await (await send('NOHEAD-5;;\r\n')).json()).ignoredColumns).toEqual([]);
  });

  it('a sheet Excel saved as «Текст Юникод» (UTF-16 with a BOM, tabs) imports its codes and names its other column (found from outside: read as Windows-1251, refused as an unknown header «яюП\u0000…»)', async () => {
    const id = await setup();
    const poolId = await w.pool(id, 'p', []);
    const res = await w.app.request(`/api/admin/campaigns/${id}/pools/${poolId}/codes`, {
      method: 'POST',
      headers: { Authorization: w.vkAuth(PRIZES), 'Content-Type': 'text/csv' },
      body: excelUnicodeText('Промокод\tНоминал\r\nUNI-1\t500\r\nUNI-2\t500\r\n'),
    });
    expect([res.status, await res.json()]).toMatchObject([200, { imported: 2, ignoredColumns: ['Номинал'] }]);
  });

  it('an ended or archived campaign keeps its pools: no new pool, no import, nothing written (found from outside)', async () => {
    const id = await setup();
    const poolId = await w.pool(id, 'p', []);
    for (const status of ['ended', 'archived'] as const) {
      await w.write((tx) => tx.update(schema.campaigns).set({ status }).where(eq(schema.campaigns.id, id)));
      const created = await w.call('POST', `/api/admin/campaigns/${id}/pools`, PRIZES, { key: 'late', name: 'Late' });
      expect([created.status, (await created.json()).error.code], status).toEqual([409, 'campaign_ended']);
      const imported = await w.app.request(`/api/admin/campaigns/${id}/pools/${poolId}/codes`, {
        method: 'POST',
        headers: { Authorization: w.vkAuth(PRIZES), 'Content-Type': 'text/csv' },
        body: 'code\nLATE-1\n',
      });
      expect([imported.status, (await imported.json()).error.code], status).toEqual([409, 'campaign_ended']);
      // The stock is still readable.
      expect((await w.call('GET', `/api/admin/campaigns/${id}/pools`, PRIZES)).status).toBe(200);
    }
    expect(await w.deps.db.select().from(schema.poolCodes)).toEqual([]);
    expect((await w.deps.db.select().from(schema.codePools)).map((p) => p.key)).toEqual(['p']);
    expect(await w.deps.db.select().from(schema.officeAudit)).toEqual([]);
  });
});
