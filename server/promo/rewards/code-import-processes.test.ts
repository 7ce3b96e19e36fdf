/**
 * Code imports across API processes and their failures (decision 118). Found from outside: the job lived in one
 * process's memory, so a progress check that reached another process answered 404 and «one import per pool» held
 * per process only; and the file was written in chunks, each its own transaction, so a code that reached the pool
 * between the check and the write left the earlier chunks in the pool and said «line 0».
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { closeDatabase, type Db, schema } from '../../db/client.ts';
import { databaseNow } from '../../db/database-clock.ts';
import { openDb } from '../../db/open-db.ts';
import { ApiError } from '../../http/errors.ts';
import { createPromoWorld, type PromoWorld } from '../testing/promo-world.ts';
import { importCodes, KEPT_IMPORTS, STALE_IMPORT_MS } from './code-imports.ts';

let w: PromoWorld;
let second: Db | undefined;
afterEach(async () => {
  if (second) await closeDatabase(second);
  second = undefined;
  await w.close();
});

const ADMIN = 500;

/** Clocks of the two hosts, against the real time the database keeps (the world's clock starts at it). */
async function setup(skewA = 0, skewB = 0) {
  w = await createPromoWorld({}, Date.now());
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
  second = await openDb(w.config);
  // Two instances as two processes have them: their own dependencies and connections, one database.
  const [appA, appB] = [
    createApp({ ...w.deps, now: () => w.clock.now + skewA }),
    createApp({ ...w.deps, db: second, now: () => w.clock.now + skewB }),
  ];
  const send = (app: typeof appA, body: string, headers: Record<string, string> = {}) =>
    app.request(`${base}/codes`, {
      method: 'POST',
      headers: { Authorization: w.vkAuth(ADMIN), 'Content-Type': 'text/csv', ...headers },
      body,
    });
  const get = (app: typeof appA, path: string) =>
    app.request(`${base}${path}`, { headers: { Authorization: w.vkAuth(ADMIN) } });
  return { id, poolId, appA, appB, send, get };
}

const pause = () => new Promise((r) => setTimeout(r, 5));
const codes = (n: number, prefix = 'CODE') =>
  `code\n${Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(6, '0')}`).join('\n')}\n`;
const poolCodes = async () => (await w.deps.db.select().from(schema.poolCodes)).map((c) => c.code).sort();

describe('code imports on two API processes', () => {
  it('an import started on one is watched on the other, and a second upload there is refused 409 while it runs', async () => {
    const { appA, appB, send, get } = await setup();
    const started = await send(appA, codes(5_000), { Prefer: 'respond-async' });
    expect(started.status).toBe(202);
    const { importId } = (await started.json()).import;
    const watched = await get(appB, `/imports/${importId}`);
    expect(watched.status).toBe(200);
    expect(await watched.json()).toMatchObject({ importId, state: 'running' });
    const refused = await send(appB, 'Z-1\n');
    expect([refused.status, (await refused.json()).error.code]).toEqual([409, 'import_running']);
    let status = await (await get(appB, `/imports/${importId}`)).json();
    for (let i = 0; status.state === 'running' && i < 5_000; i++)
      status = await pause().then(async () => (await get(appB, `/imports/${importId}`)).json());
    expect(status).toMatchObject({ state: 'done', result: { imported: 5_000, total: 5_001 } });
    expect((await (await get(appB, '/imports')).json()).imports.map((j: { importId: string }) => j.importId)).toEqual([
      importId,
    ]);
    // Ended, the pool takes the next upload in either process.
    expect((await send(appB, 'Z-1\n')).status).toBe(200);
  });

  it('a running import whose process stopped beating no longer holds the pool; one still beating does', async () => {
    const { id, poolId, appB, send, get } = await setup();
    const job = (importId: string, beatAgoMs: number) => ({
      id: importId,
      campaignId: id,
      poolId,
      state: 'running' as const,
      progress: { phase: 'writing' as const, lines: 3, linesParsed: 3, codes: 2, checked: 2, written: 2 },
      errors: [],
      startedAt: databaseNow(-beatAgoMs),
      updatedAt: databaseNow(-beatAgoMs),
    });
    // What a process killed half-way leaves: its job running, two codes set aside.
    const dead = '00000000-0000-4000-8000-000000000001';
    await w.write(async (tx) => {
      await tx.insert(schema.codeImports).values(job(dead, STALE_IMPORT_MS + 1_000));
      await tx.insert(schema.codeImportRows).values([
        { importId: dead, line: 2, code: 'DEAD-1' },
        { importId: dead, line: 3, code: 'DEAD-2' },
      ]);
    });
    const res = await send(appB, 'NEW-1\n');
    expect([res.status, await res.json()]).toMatchObject([200, { imported: 1, total: 2 }]);
    const list = (await (await get(appB, '/imports')).json()).imports;
    expect(list.map((j: { state: string }) => j.state)).toEqual(['done', 'failed']);
    expect(list[1]).toMatchObject({ importId: dead, errors: [{ line: 0, code: 'interrupted' }] });
    expect(await w.deps.db.select().from(schema.codeImportRows)).toEqual([]);
    expect(await poolCodes()).toEqual(['NEW-1', 'OLD-1']);

    // A job that beat just now is alive somewhere: the pool waits for it.
    const alive = '00000000-0000-4000-8000-000000000002';
    await w.write((tx) => tx.insert(schema.codeImports).values(job(alive, 0)));
    expect((await send(appB, 'NEW-2\n')).status).toBe(409);
    // Two minutes pass by the database's clock with no beat.
    await silentFor(alive, STALE_IMPORT_MS + 1_000);
    expect((await (await get(appB, `/imports/${alive}`)).json()).state).toBe('failed');
    expect((await send(appB, 'NEW-2\n')).status).toBe(200);
  });
});

/** The job's last beat moved `ms` into the past: as if that long went by since, by the database's clock. */
const silentFor = (importId: string, ms: number) =>
  w.write((tx) =>
    tx
      .update(schema.codeImports)
      .set({ updatedAt: sql`${schema.codeImports.updatedAt} - ${ms}` })
      .where(eq(schema.codeImports.id, importId)),
  );

describe('hosts whose clocks disagree (the heartbeat and its check both on the database’s clock)', () => {
  const MINUTES = 60_000;

  it('a live import started on a host 3 minutes behind is not given up by the other: 409, still running, then done', async () => {
    const { appA, appB, send, get } = await setup(-3 * MINUTES, 0);
    const started = await send(appA, codes(5_000), { Prefer: 'respond-async' });
    expect(started.status).toBe(202);
    const { importId } = (await started.json()).import;
    const refused = await send(appB, 'Z-1\n');
    expect([refused.status, (await refused.json()).error.code]).toEqual([409, 'import_running']);
    let status = await (await get(appB, `/imports/${importId}`)).json();
    expect(status.state).toBe('running');
    for (let i = 0; status.state === 'running' && i < 5_000; i++)
      status = await pause().then(async () => (await get(appB, `/imports/${importId}`)).json());
    expect(status).toMatchObject({ state: 'done', result: { imported: 5_000, total: 5_001 } });
  });

  it('a dead import is given up by a host 3 minutes behind once it is silent for two minutes', async () => {
    const { id, poolId, appB, send, get } = await setup(0, -3 * MINUTES);
    const dead = '00000000-0000-4000-8000-000000000003';
    const ago = databaseNow(-STALE_IMPORT_MS - 1_000);
    await w.write((tx) =>
      tx.insert(schema.codeImports).values({
        id: dead,
        campaignId: id,
        poolId,
        state: 'running',
        progress: { phase: 'writing', lines: 3, linesParsed: 3, codes: 2, checked: 2, written: 2 },
        errors: [],
        startedAt: ago,
        updatedAt: ago,
      }),
    );
    expect((await (await get(appB, `/imports/${dead}`)).json()).state).toBe('failed');
    expect((await send(appB, 'NEW-1\n')).status).toBe(200);
  });
});

describe('what imports leave behind is bounded', () => {
  it('a start keeps a pool’s last finished jobs only, and drops codes set aside by ended jobs or by no job', async () => {
    const { id, poolId, send } = await setup();
    const otherPool = await w.pool(id, 'q', []);
    const finished = (n: number, pool: number, prefix: string) =>
      Array.from({ length: n }, (_, i) => ({
        id: `${prefix}-${String(i).padStart(4, '0')}`,
        campaignId: id,
        poolId: pool,
        state: 'done' as const,
        progress: { phase: 'writing' as const, lines: 1, linesParsed: 1, codes: 1, checked: 1, written: 1 },
        errors: [],
        startedAt: w.clock.now,
        updatedAt: w.clock.now,
        finishedAt: w.clock.now,
      }));
    await w.write(async (tx) => {
      await tx.insert(schema.codeImports).values(finished(KEPT_IMPORTS + 10, poolId, 'old'));
      await tx.insert(schema.codeImports).values(finished(3, otherPool, 'other'));
      // An ended job's codes whose clean-up never ran, and a direct import's of an earlier release (no job).
      await tx.insert(schema.codeImportRows).values([
        { importId: 'old-0000', line: 2, code: 'LEFT-1' },
        { importId: 'no-job', line: 2, code: 'LEFT-2' },
      ]);
    });
    expect((await send(w.app, 'NEW-1\n')).status).toBe(200);
    const jobsOf = async (pool: number) =>
      (await w.deps.db.select().from(schema.codeImports).where(eq(schema.codeImports.poolId, pool))).length;
    // The last KEPT_IMPORTS finished before the start, and the new one.
    expect(await jobsOf(poolId)).toBe(KEPT_IMPORTS + 1);
    expect(await jobsOf(otherPool)).toBe(3);
    expect(await w.deps.db.select().from(schema.codeImportRows)).toEqual([]);
    const oldest = await w.deps.db
      .select()
      .from(schema.codeImports)
      .where(and(eq(schema.codeImports.poolId, poolId), eq(schema.codeImports.id, 'old-0010')));
    expect(oldest).toHaveLength(1);
  });

  it('a direct import is a job: its process dying leaves a job that goes stale, and the next start clears its codes', async () => {
    const { poolId, send, get } = await setup();
    const [pool] = await w.deps.db.select().from(schema.codePools).where(eq(schema.codePools.id, poolId));
    let setAside = false;
    // The process stops for good once it has set codes aside (a hook that never returns).
    void importCodes(w.deps.db, pool as NonNullable<typeof pool>, 'DIE-1\nDIE-2\nDIE-3\n', {
      chunk: 1,
      onProgress: async (p) => {
        if (p.phase !== 'writing' || p.written === 0) return;
        setAside = true;
        await new Promise(() => {});
      },
    });
    for (let i = 0; !setAside && i < 1_000; i++) await pause();
    expect(setAside).toBe(true);
    const [job] = await w.deps.db.select().from(schema.codeImports).where(eq(schema.codeImports.state, 'running'));
    expect((await w.deps.db.select().from(schema.codeImportRows)).length).toBeGreaterThan(0);
    await silentFor(job?.id ?? '', STALE_IMPORT_MS + 1_000);
    expect((await send(w.app, 'NEW-1\n')).status).toBe(200);
    expect(await w.deps.db.select().from(schema.codeImportRows)).toEqual([]);
    expect((await (await get(w.app, `/imports/${job?.id}`)).json()).state).toBe('failed');
    expect(await poolCodes()).toEqual(['NEW-1', 'OLD-1']);
  });
});

describe('a code reaching the pool between the check and the write', () => {
  it('leaves the pool as it was and names the line it came from', async () => {
    const { poolId } = await setup();
    const [pool] = await w.deps.db.select().from(schema.codePools).where(eq(schema.codePools.id, poolId));
    let raced = false;
    const file = 'NEW-1\nNEW-2\nNEW-3\nNEW-4\nNEW-5\nNEW-6\n';
    const refusal = await importCodes(w.deps.db, pool as NonNullable<typeof pool>, file, {
      onProgress: async (p) => {
        // Another upload commits NEW-5 once this one has checked the pool and begun writing.
        if (p.phase !== 'writing' || raced) return;
        raced = true;
        await w.write((tx) => tx.insert(schema.poolCodes).values({ poolId, code: 'NEW-5' }));
      },
      chunk: 2,
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(raced).toBe(true);
    expect(refusal).toBeInstanceOf(ApiError);
    expect((refusal as ApiError).issues?.map((i) => [i.path, i.code])).toEqual([['line 5', 'already_in_pool']]);
    expect(await poolCodes()).toEqual(['NEW-5', 'OLD-1']);
    expect(await w.deps.db.select().from(schema.codeImportRows)).toEqual([]);
  });
});
