/** Code import as a job: chunked so others are served meanwhile, progress visible, CSV or JSON bodies. */
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { createPromoWorld, type PromoWorld } from '../testing/promo-world.ts';

let w: PromoWorld;
afterEach(async () => w.close());

const ADMIN = 500;

async function setup() {
  w = await createPromoWorld();
  const id = await w.campaign();
  const poolId = await w.pool(id, 'p', ['OLD-1']);
  await w.write((tx) =>
    tx.insert(schema.memberships).values({
      platform: 'vk',
      platformUserId: String(ADMIN),
      agencyId: w.agencyId,
      brandId: w.brandId,
      role: 'brand_admin',
      sections: ['prizes'],
    }),
  );
  const base = `/api/admin/campaigns/${id}/pools/${poolId}`;
  const send = (body: string, type: string, headers: Record<string, string> = {}) =>
    w.app.request(`${base}/codes`, {
      method: 'POST',
      headers: { Authorization: w.vkAuth(ADMIN), 'Content-Type': type, ...headers },
      body,
    });
  const get = async (path: string) =>
    (await w.app.request(`${base}${path}`, { headers: { Authorization: w.vkAuth(ADMIN) } })).json();
  return { id, poolId, base, send, get };
}

/** In-process requests never leave the microtask queue; a real client's next request arrives as I/O, like this. */
const pause = () => new Promise((r) => setTimeout(r, 5));

const codes = (n: number, prefix = 'CODE') =>
  `code\n${Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(6, '0')}`).join('\n')}\n`;

describe('code import', () => {
  it('item 9: a 100,000-code import yields: /api/health is answered while it runs, and its progress is visible', async () => {
    const { send, get } = await setup();
    const csv = codes(100_000);
    const started = performance.now();
    const importing = send(csv, 'text/csv');
    const seen: { phase: string; written: number }[] = [];
    const healthMs: number[] = [];
    let state = 'running';
    for (let i = 0; state === 'running' && i < 5_000; i++) {
      await pause();
      const t = performance.now();
      expect((await w.app.request('/api/health')).status).toBe(200);
      healthMs.push(performance.now() - t);
      const list = await get('/imports');
      if (!list.imports) throw new Error(JSON.stringify(list));
      const [job] = list.imports;
      state = job?.state ?? 'running';
      if (job && state === 'running') seen.push({ phase: job.progress.phase, written: job.progress.written });
    }
    const res = await importing;
    const totalMs = performance.now() - started;
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ imported: 100_000, total: 100_001, stock: { free: 100_001 } });
    // Health was answered many times before the import finished, in every phase, and part-way through the writing.
    expect(healthMs.length).toBeGreaterThan(10);
    expect(new Set(seen.map((s) => s.phase))).toEqual(new Set(['parsing', 'checking', 'writing']));
    expect(seen.some((s) => s.written > 0 && s.written < 100_000)).toBe(true);
    console.info(
      `100k import: ${Math.round(totalMs)} ms; /api/health answered ${healthMs.length} times during it, ` +
        `max ${Math.round(Math.max(...healthMs))} ms, median ${Math.round(healthMs.sort((a, b) => a - b)[healthMs.length >> 1] ?? 0)} ms`,
    );
  });

  it('item 18: takes text/csv as well as JSON, and refuses other types with 415', async () => {
    const { send } = await setup();
    const asCsv = await send('A-1\nA-2\n', 'text/csv; charset=utf-8');
    expect(asCsv.status).toBe(200);
    expect(await asCsv.json()).toMatchObject({ imported: 2, total: 3 });
    const asJson = await send(JSON.stringify({ csv: 'B-1\n' }), 'application/json');
    expect(await asJson.json()).toMatchObject({ imported: 1, total: 4 });
    expect((await send('C-1', 'text/plain')).status).toBe(415);
    const bad = await send('A-1\nbad code\n', 'text/csv');
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.issues.map((i: { path: string }) => i.path)).toEqual(['line 1', 'line 2']);
  });

  it('item 9: Prefer: respond-async answers 202 with a Location to watch; a bad file ends failed with lines and duplicates', async () => {
    const { send, get, base } = await setup();
    const res = await send(codes(5_000), 'text/csv', { Prefer: 'respond-async' });
    expect(res.status).toBe(202);
    const { import: job } = await res.json();
    expect(res.headers.get('Location')).toBe(`${base}/imports/${job.importId}`);
    expect(job).toMatchObject({ state: 'running' });
    // Another import into the same pool waits its turn.
    expect((await send('Z-1\n', 'text/csv')).status).toBe(409);
    let status = await get(`/imports/${job.importId}`);
    for (let i = 0; status.state === 'running' && i < 5_000; i++)
      status = await pause().then(() => get(`/imports/${job.importId}`));
    expect(status).toMatchObject({ state: 'done', result: { imported: 5_000, total: 5_001 } });
    expect(status.progress).toMatchObject({ codes: 5_000, checked: 5_000, written: 5_000 });

    const failed = await send('code\nOLD-1\nN-1\nN-1\nnot a code!\n', 'text/csv', { Prefer: 'respond-async' });
    const failedId = (await failed.json()).import.importId;
    let end = await get(`/imports/${failedId}`);
    for (let i = 0; end.state === 'running' && i < 5_000; i++)
      end = await pause().then(() => get(`/imports/${failedId}`));
    expect(end).toMatchObject({ state: 'failed', errorCount: 3, duplicates: 2 });
    expect(end.errors.map((e: { line: number }) => e.line)).toEqual([2, 4, 5]);
    expect((await get('/imports')).imports.map((j: { state: string }) => j.state)).toEqual(['failed', 'done']);
    expect(await w.deps.db.select().from(schema.poolCodes)).toHaveLength(5_001);
  });
});
