/**
 * The provably fair draw end to end: commitment at launch, the draw recomputed by an independent implementation
 * written here (not importing the picker), the frozen list, re-picks following the sequence, one draw under a race.
 */
import { createHash, createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { DAY } from '../testing/promo-world.ts';
import { createDrawWorld, type DrawWorld } from './testing/draw-world.ts';

let w: DrawWorld;
afterEach(async () => w?.close());

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** The published algorithm, written again from its description with BigInt arithmetic. */
function recompute(seedHex: string, n: number, count: number, from = 0, taken: number[] = []) {
  const key = Buffer.from(seedHex, 'hex');
  const range = 1n << 48n;
  const limit = range - (range % BigInt(n));
  const used = new Set(taken);
  const picks: { k: number; index: number }[] = [];
  for (let k = from; picks.length < count && used.size < n; k += 1) {
    const h = createHmac('sha256', key).update(`pick:${k}`, 'utf8').digest();
    let x = 0n;
    for (let i = 0; i < 6; i += 1) x = (x << 8n) | BigInt(h[i] ?? 0);
    if (x >= limit) continue;
    const index = Number(x % BigInt(n));
    if (used.has(index)) continue;
    used.add(index);
    picks.push({ k, index });
  }
  return picks;
}

interface PublicPick {
  index: number;
  hash: string;
  counter: number;
  masked: string;
}
interface PublicDraw {
  status: string;
  commitment: string | null;
  results: {
    seed: string;
    entriesHash: string;
    entryCount: number;
    winners: PublicPick[];
    reserves: PublicPick[];
    replaced: PublicPick[];
  } | null;
  me: { entered: boolean; missing: { key: string }[]; entryHash: string } | null;
}

async function setUp(entrants = 12) {
  w = await createDrawWorld({ winners: 3, reserves: 2 });
  for (let i = 1; i <= entrants; i += 1) await w.entrant(1000 + i);
  await w.entrant(2001, ['join', 'msgs']); // misses the share: not an entry
  await w.entrant(2002, ['join', 'msgs', 'share'], w.drawAt + 1); // too late
  await w.goLive();
}

describe('draw commitment', () => {
  it('item 2: the go-live step writes the commitment once, SHA-256 of the seed bytes, and publishes no seed before the draw', async () => {
    w = await createDrawWorld();
    await w.goLive();
    await w.goLive(); // live again after a pause: the first seed stays
    const rows = await w.deps.db.select().from(schema.draws);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row?.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.commitment).toBe(sha256(Buffer.from(row?.seed ?? '', 'hex')));
    const res = await w.call('GET', `/api/campaigns/${w.campaignId}/draw`, 1);
    expect(res.status).toBe(200);
    const body = (await res.json()) as PublicDraw & { algorithm: { name: string } };
    expect(body).toMatchObject({ status: 'committed', commitment: row?.commitment, results: null });
    expect(body.algorithm.name).toBe('provably-fair-draw/v1');
    expect(JSON.stringify(body)).not.toContain(row?.seed);
    const rules = await w.call('GET', `/api/campaigns/${w.campaignId}/rules`, 1);
    expect(JSON.stringify(await rules.json())).toContain(row?.commitment);
  });

  it('item 2: a campaign without a draw gets no commitment', async () => {
    w = await createDrawWorld();
    await w.write((tx) => tx.update(schema.campaigns).set({ settings: {} }));
    await w.goLive();
    expect(await w.deps.db.select().from(schema.draws)).toHaveLength(0);
  });
});

describe('running the draw', () => {
  it('item 3: winners and reserves recomputed from the revealed seed and the published list by an independent implementation', async () => {
    await setUp();
    expect((await w.admin('POST', `/api/admin/campaigns/${w.campaignId}/draw`)).status).toBe(409); // too early
    w.clock.set(w.drawAt);
    const run = await w.admin('POST', `/api/admin/campaigns/${w.campaignId}/draw`);
    expect(run.status).toBe(200);
    expect(await run.json()).toMatchObject({ status: 'drawn', already: false, entryCount: 12 });

    const pub = (await (await w.call('GET', `/api/campaigns/${w.campaignId}/draw`, 1001)).json()) as PublicDraw;
    const list = (await (await w.call('GET', `/api/campaigns/${w.campaignId}/draw/entries`, 7)).json()) as {
      entriesHash: string;
      entries: { index: number; hash: string }[];
    };
    const results = pub.results;
    if (!results) throw new Error('no results');
    expect(sha256(Buffer.from(results.seed, 'hex'))).toBe(pub.commitment);
    // The list: entry ids in order, each SHA-256("vk:<id>"), its hash over the lines.
    expect(list.entries.map((e) => e.hash)).toEqual(Array.from({ length: 12 }, (_, i) => sha256(`vk:${1001 + i}`)));
    expect(list.entriesHash).toBe(sha256(list.entries.map((e) => e.hash).join('\n')));
    expect(results.entriesHash).toBe(list.entriesHash);
    const expected = recompute(results.seed, list.entries.length, 5);
    expect(results.winners.map((p) => p.index)).toEqual(expected.slice(0, 3).map((p) => p.index));
    expect(results.reserves.map((p) => p.index)).toEqual(expected.slice(3).map((p) => p.index));
    expect(results.winners.map((p) => p.counter)).toEqual(expected.slice(0, 3).map((p) => p.k));
    for (const p of [...results.winners, ...results.reserves]) {
      expect(p.hash).toBe(list.entries[p.index]?.hash);
      expect(p.masked).toBe('vk:1•••');
    }
    expect(pub.me).toMatchObject({ entered: true, missing: [], entryHash: sha256('vk:1001') });
    const outsider = (await (await w.call('GET', `/api/campaigns/${w.campaignId}/draw`, 2001)).json()) as PublicDraw;
    expect(outsider.me).toMatchObject({ entered: false, missing: [{ key: 'share' }] });
  });

  it('item 3: the frozen list is unaffected by later entries, and a second draw changes nothing', async () => {
    await setUp(6);
    w.clock.set(w.drawAt + DAY);
    await w.admin('POST', `/api/admin/campaigns/${w.campaignId}/draw`);
    const before = await (await w.call('GET', `/api/campaigns/${w.campaignId}/draw/entries`, 7)).json();
    const picksBefore = await w.deps.db.select().from(schema.drawPicks);
    await w.entrant(3001, undefined, w.drawAt - 1); // even one backdated before the draw time
    await w.entrant(3002);
    const again = await w.admin('POST', `/api/admin/campaigns/${w.campaignId}/draw`);
    expect(await again.json()).toMatchObject({ already: true, entryCount: 6 });
    expect(await (await w.call('GET', `/api/campaigns/${w.campaignId}/draw/entries`, 7)).json()).toEqual(before);
    expect(await w.deps.db.select().from(schema.drawPicks)).toEqual(picksBefore);
  });

  it('item 6: concurrent draw requests give one result, one audit entry, one set of picks', async () => {
    await setUp(8);
    w.clock.set(w.drawAt);
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => w.admin('POST', `/api/admin/campaigns/${w.campaignId}/draw`)),
    );
    const bodies = (await Promise.all(answers.map((r) => r.json()))) as { already: boolean; seed: string }[];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(bodies.filter((b) => !b.already)).toHaveLength(1);
    expect(new Set(bodies.map((b) => b.seed)).size).toBe(1);
    expect(await w.deps.db.select().from(schema.drawPicks)).toHaveLength(5);
    const audit = await w.deps.db.select().from(schema.officeAudit).where(eq(schema.officeAudit.action, 'draw.run'));
    expect(audit).toHaveLength(1);
  });
});

describe('re-pick', () => {
  it('item 4: a re-pick promotes the first reserve, then continues the sequence; reason and actor recorded and audited', async () => {
    w = await createDrawWorld({ winners: 2, reserves: 1 });
    for (let i = 1; i <= 10; i += 1) await w.entrant(5000 + i);
    await w.goLive();
    w.clock.set(w.drawAt);
    const drawn = (await (await w.admin('POST', `/api/admin/campaigns/${w.campaignId}/draw`)).json()) as {
      seed: string;
      picks: { id: number; role: string; entryIndex: number }[];
    };
    const [first, second, reserve] = drawn.picks;
    if (!first || !second || !reserve) throw new Error('expected 3 picks');
    const path = (id: number) => `/api/admin/campaigns/${w.campaignId}/draw/picks/${id}/repick`;
    expect((await w.admin('POST', path(first.id), { reason: '' })).status).toBe(422);
    expect((await w.admin('POST', path(reserve.id), { reason: 'not a winner' })).status).toBe(409);

    const r1 = await w.admin('POST', path(first.id), { reason: 'Left the community' });
    expect(r1.status).toBe(200);
    expect(await r1.json()).toMatchObject({ replacementPickId: reserve.id });

    const r2 = await w.admin('POST', path(second.id), { reason: 'Fake account' });
    const after = (await r2.json()) as {
      replacementPickId: number;
      picks: { id: number; entryIndex: number; counter: number; standing: boolean; role: string }[];
    };
    const expected = recompute(drawn.seed, 10, 4);
    const added = after.picks.find((p) => p.id === after.replacementPickId);
    expect(added).toMatchObject({ entryIndex: expected[3]?.index, counter: expected[3]?.k, role: 'winner' });
    expect(after.picks.filter((p) => p.standing && p.role === 'winner').map((p) => p.entryIndex)).toEqual([
      reserve.entryIndex,
      expected[3]?.index,
    ]);
    const [row] = await w.deps.db.select().from(schema.drawPicks).where(eq(schema.drawPicks.id, second.id));
    expect(row).toMatchObject({ replacedReason: 'Fake account', replacedByUserId: String(900001) });
    // Who replaced it, as the draw API names every person (it was the stored key `vk:900001`).
    const replaced = (after.picks as { id: number; replacedBy?: unknown }[]).find((p) => p.id === second.id);
    expect(replaced?.replacedBy).toEqual({ platform: 'vk', userId: '900001', profileUrl: 'https://vk.com/id900001' });
    const audit = await w.deps.db.select().from(schema.officeAudit).where(eq(schema.officeAudit.action, 'draw.repick'));
    expect(audit.map((a) => (a.after as { reason: string }).reason)).toEqual(['Left the community', 'Fake account']);
    const pub = (await (await w.call('GET', `/api/campaigns/${w.campaignId}/draw`, 1)).json()) as PublicDraw;
    expect(pub.results?.replaced.map((p) => p.index)).toEqual([first.entryIndex, second.entryIndex]);
  });
});
