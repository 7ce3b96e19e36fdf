/**
 * The database writer thread on a real SQLite file: claims answered only after their commit, refusals that keep
 * their events, the caller's clock carried into the thread, and a dead thread turning into 503s and a fresh thread.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../db/client.ts';
import { openCampaign } from '../promo/participation/participation.service.ts';
import { createPromoWorld, type PromoWorld } from '../promo/testing/promo-world.ts';
import { type ThreadWriter, threadWriter } from './db-writer.ts';

let w: PromoWorld;
let writer: ThreadWriter;
afterEach(async () => {
  await writer.close();
  w.close();
});

function setup(codes: string[]) {
  w = createPromoWorld();
  writer = threadWriter(w.config);
  const campaignId = w.campaign();
  w.reward(campaignId, 'prize', { poolId: w.pool(campaignId, 'p', codes) });
  for (const user of [1, 2, 3]) openCampaign(w.deps, w.identity(user), campaignId, {});
  const claim = (user: number) =>
    writer.run('claimReward', { identity: w.identity(user), campaignId, rewardKey: 'prize' }, w.clock.now);
  return { campaignId, claim };
}

describe('thread writer', () => {
  it('answers a claim after it is committed, with the time of the request', async () => {
    const { claim } = setup(['A-1', 'A-2']);
    w.clock.set(Date.UTC(2026, 5, 2, 12));
    const outcome = await claim(1);
    expect(outcome).toMatchObject({ value: { status: 'issued', grant: { code: 'A-1', issuedAt: w.clock.now } } });
    // Visible on the HTTP thread's own connection as soon as the promise settles.
    const grant = w.deps.db.select().from(schema.grants).get();
    expect(grant).toMatchObject({ code: 'A-1', issuedAt: Date.UTC(2026, 5, 2, 12) });
    expect(await claim(1)).toMatchObject({ value: { status: 'already_issued', grant: { code: 'A-1' } } });
  });

  it('returns refusals as data and keeps what they recorded (sold_out_seen)', async () => {
    const { claim } = setup(['ONLY']);
    const [first, second] = await Promise.all([claim(1), claim(2)]);
    expect(first).toMatchObject({ value: { status: 'issued' } });
    expect(second).toEqual({
      refused: { status: 409, code: 'sold_out', message: 'All of this reward has been given out' },
    });
    const seen = w.deps.db.select().from(schema.events).where(eq(schema.events.type, 'sold_out_seen')).all();
    expect(seen).toHaveLength(1);
  });

  it('claims sent together share a batch and still get one code each', async () => {
    const { claim } = setup(['B-1', 'B-2', 'B-3']);
    const outcomes = await Promise.all([claim(1), claim(2), claim(3), claim(1)]);
    const codes = outcomes.map((o) => ('value' in o ? o.value.grant.code : null));
    expect(new Set(codes.slice(0, 3)).size).toBe(3);
    expect(codes[3]).toBe(codes[0]);
  });

  it('a thread that dies answers its callers 503 and the next call starts a new one', async () => {
    const { claim } = setup(['C-1', 'C-2']);
    await claim(1);
    const first = writer.thread;
    expect(first).toBeDefined();
    const inFlight = claim(2);
    await first?.terminate();
    await expect(inFlight).rejects.toMatchObject({ status: 503, code: 'writer_unavailable' });
    const retried = await claim(2);
    expect(retried).toMatchObject({ value: { grant: { code: expect.stringMatching(/^C-/) } } });
    expect(writer.thread).not.toBe(first);
  });
});

describe('batches and campaign changes', () => {
  it('a campaign paused between batches refuses the next claims', async () => {
    const { campaignId, claim } = setup(['D-1', 'D-2']);
    expect(await claim(1)).toMatchObject({ value: { status: 'issued' } });
    w.deps.db.update(schema.campaigns).set({ status: 'paused' }).where(eq(schema.campaigns.id, campaignId)).run();
    expect(await claim(2)).toMatchObject({ refused: { status: 409, code: 'campaign_paused' } });
  });
});
