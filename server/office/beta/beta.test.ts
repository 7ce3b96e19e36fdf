/** The beta test: its routes' rights, what testers see and take, statistics without them, and the wipe at launch. */
import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { funnelReport } from '../../funnel/funnel-report.ts';
import { createPromoWorld, DAY, type PromoWorld } from '../../promo/testing/promo-world.ts';
import { goLiveSteps } from '../campaigns/go-live.ts';

let w: PromoWorld;
afterEach(async () => w?.close());

const ADMIN = 501;
const PRIZES_ONLY = 502;
const STRANGER = 503;
const TESTER = 601;
const LINK_TESTER = 602;
const NOBODY = 603;
const REAL = 701;

async function member(userId: number, sections: string[]) {
  await w.write((tx) =>
    tx.insert(schema.memberships).values({
      platform: 'vk',
      platformUserId: String(userId),
      agencyId: w.agencyId,
      brandId: w.brandId,
      role: 'brand_admin',
      sections,
    }),
  );
}

async function setup() {
  w = await createPromoWorld();
  await member(ADMIN, ['campaigns']);
  await member(PRIZES_ONLY, ['prizes']);
  const id = await w.campaign({ status: 'scheduled', startsAt: w.clock.now + DAY });
  return id;
}

const call = (method: string, path: string, user: number, body?: unknown) => w.call(method, path, user, body);

describe('beta test routes', () => {
  it('item 2: every beta route is allowed for `campaigns` rights only, 404 for an unknown campaign', async () => {
    const id = await setup();
    const base = `/api/admin/campaigns/${id}/testers`;
    const routes: [string, string, unknown?][] = [
      ['GET', base],
      ['POST', base, { vkUserId: TESTER }],
      ['POST', `/api/admin/campaigns/${id}/tester-link`],
      ['DELETE', `/api/admin/campaigns/${id}/tester-link`],
    ];
    for (const [method, path, body] of routes) {
      const res = await call(method, path, PRIZES_ONLY, body);
      expect(res.status, `${method} ${path} as ${PRIZES_ONLY}`).toBe(403);
      expect((await res.json()).error.code).toBe('forbidden');
      // A stranger learns nothing: the same 404 as a campaign that does not exist (server/auth/office-gate.ts).
      expect((await call(method, path, STRANGER, body)).status, `${method} ${path} as ${STRANGER}`).toBe(404);
      const missing = await call(method, path.replace(`/${id}/`, '/9999/'), ADMIN, body);
      expect(missing.status, `${method} ${path} unknown campaign`).toBe(404);
      expect([200, 201, 204]).toContain((await call(method, path, ADMIN, body)).status);
    }
    const unauthenticated = await w.app.request(base);
    expect(unauthenticated.status).toBe(401);
    const group = await (await call('GET', base, ADMIN)).json();
    expect(group.testers).toEqual([
      expect.objectContaining({
        platform: 'vk',
        userId: String(TESTER),
        profileUrl: `https://vk.com/id${TESTER}`,
        source: 'office',
      }),
    ]);
    const testerId = group.testers[0].id;
    expect((await call('DELETE', `${base}/${testerId}`, PRIZES_ONLY)).status).toBe(403);
    expect((await call('DELETE', `${base}/${testerId}`, ADMIN)).status).toBe(204);
    expect((await call('DELETE', `${base}/${testerId}`, ADMIN)).status).toBe(404);
    expect((await call('POST', base, ADMIN, { vkUserId: 'x' })).status).toBe(422);
    // Every write is in the audit log.
    const actions = (await w.deps.db.select().from(schema.officeAudit)).map((a) => a.action).sort();
    expect(actions).toEqual(['beta.link_create', 'beta.link_revoke', 'beta.tester_add', 'beta.tester_remove']);
  });

  it('item 2: a live campaign has no beta left: adding testers or a link is 409', async () => {
    await setup();
    const live = await w.campaign({ status: 'live' });
    expect((await call('POST', `/api/admin/campaigns/${live}/testers`, ADMIN, { vkUserId: TESTER })).status).toBe(409);
    expect((await call('POST', `/api/admin/campaigns/${live}/tester-link`, ADMIN)).status).toBe(409);
  });
});

describe('beta testers as participants', () => {
  it('item 2: a tester sees and plays the scheduled campaign; a non-tester reads only that it has not started (409, decision 105); the link adds testers until rotated', async () => {
    const id = await setup();
    expect((await call('GET', `/api/campaigns/${id}`, TESTER)).status).toBe(409);
    await call('POST', `/api/admin/campaigns/${id}/testers`, ADMIN, { vkUserId: TESTER });
    const seen = await call('GET', `/api/campaigns/${id}`, TESTER);
    expect(seen.status).toBe(200);
    expect((await seen.json()).phase).toBe('running');
    const list = await (await call('GET', '/api/campaigns', TESTER)).json();
    expect(list.campaigns.map((c: { id: number }) => c.id)).toContain(id);
    expect((await call('POST', `/api/campaigns/${id}/open`, TESTER, {})).status).toBe(200);
    expect((await call('GET', `/api/campaigns/${id}`, NOBODY)).status).toBe(409);
    expect((await call('POST', `/api/campaigns/${id}/open`, NOBODY, {})).status).toBe(409);
    const otherList = await (await call('GET', '/api/campaigns', NOBODY)).json();
    expect(otherList.campaigns.map((c: { id: number }) => c.id)).not.toContain(id);

    const link = await (await call('POST', `/api/admin/campaigns/${id}/tester-link`, ADMIN)).json();
    expect(link.hash).toBe(`#/beta/${link.token}`);
    expect((await call('POST', '/api/beta/join', LINK_TESTER, { token: `${link.token}x` })).status).toBe(404);
    const joined = await call('POST', '/api/beta/join', LINK_TESTER, { token: link.token });
    expect(await joined.json()).toEqual({ campaignId: id });
    expect((await call('GET', `/api/campaigns/${id}`, LINK_TESTER)).status).toBe(200);
    await call('POST', `/api/admin/campaigns/${id}/tester-link`, ADMIN);
    expect((await call('POST', '/api/beta/join', NOBODY, { token: link.token })).status).toBe(404);
    expect((await w.app.request('/api/beta/join', { method: 'POST', body: '{}' })).status).toBe(401);
  });

  /** The `discount` reward on a real pool (REAL-1, REAL-2) with a one-code sandbox beside it (TEST-1). */
  async function discountWithSandbox(id: number): Promise<void> {
    const real = await w.pool(id, 'prize', ['REAL-1', 'REAL-2']);
    const sandbox = await w.pool(id, 'prize-sandbox', ['TEST-1']);
    await w.write((tx) =>
      tx.update(schema.codePools).set({ sandbox: true, sandboxOf: real }).where(eq(schema.codePools.id, sandbox)),
    );
    await w.reward(id, 'discount', { poolId: real });
  }

  it('item 2: a tester claim takes a sandbox code, a real participant a real one', async () => {
    const id = await setup();
    await discountWithSandbox(id);
    await call('POST', `/api/admin/campaigns/${id}/testers`, ADMIN, { vkUserId: TESTER });
    await call('POST', `/api/admin/campaigns/${id}/testers`, ADMIN, { vkUserId: LINK_TESTER });
    await call('POST', `/api/campaigns/${id}/open`, TESTER, {});
    const claimed = await (await call('POST', `/api/campaigns/${id}/rewards/discount/claim`, TESTER, {})).json();
    expect(claimed.grant.code).toBe('TEST-1');
    // The sandbox is empty now: the next tester is told sold out, never given a real code.
    await call('POST', `/api/campaigns/${id}/open`, LINK_TESTER, {});
    const second = await call('POST', `/api/campaigns/${id}/rewards/discount/claim`, LINK_TESTER, {});
    expect(second.status).toBe(409);
    expect((await second.json()).error.code).toBe('sold_out');

    await w.write((tx) => goLiveSteps(tx, { campaignId: id, now: w.clock.now }));
    await w.write((tx) => tx.update(schema.campaigns).set({ status: 'live', startsAt: w.clock.now - 1 }));
    await call('POST', `/api/campaigns/${id}/open`, REAL, {});
    const realClaim = await (await call('POST', `/api/campaigns/${id}/rewards/discount/claim`, REAL, {})).json();
    expect(realClaim.grant.code).toBe('REAL-1');
    // The tester is a real participant after the launch, with a real code.
    await call('POST', `/api/campaigns/${id}/open`, TESTER, {});
    const after = await (await call('POST', `/api/campaigns/${id}/rewards/discount/claim`, TESTER, {})).json();
    expect(after.grant.code).toBe('REAL-2');
  });

  it("a tester's spin that draws a prize whose sandbox is empty loses, sold out (it was a 500, found from outside)", async () => {
    w = await createPromoWorld();
    await member(ADMIN, ['campaigns']);
    const id = await w.campaign({
      status: 'scheduled',
      startsAt: w.clock.now + DAY,
      mechanic: 'wheel',
      settings: { wheel: { dailyFreeAttempts: 2, dailyAttemptLimit: 2, resetHour: 7, loseWeight: 0 } },
    });
    const real = await w.pool(id, 'prize', ['REAL-1']);
    const sandbox = await w.pool(id, 'prize-sandbox', []);
    await w.write((tx) =>
      tx.update(schema.codePools).set({ sandbox: true, sandboxOf: real }).where(eq(schema.codePools.id, sandbox)),
    );
    await w.reward(id, 'discount', { poolId: real, unlock: { wheel: true }, weight: 1, perUserLimit: 2 });
    await call('POST', `/api/admin/campaigns/${id}/testers`, ADMIN, { vkUserId: TESTER });
    await call('POST', `/api/campaigns/${id}/open`, TESTER, {});
    const spin = await call('POST', `/api/campaigns/${id}/wheel/spin`, TESTER, {});
    expect(spin.status).toBe(200);
    expect(await spin.json()).toMatchObject({ outcome: 'lose', lossReason: 'sold_out', prize: null });
    // The real code stays for real participants.
    const [code] = await w.deps.db.select().from(schema.poolCodes).where(eq(schema.poolCodes.poolId, real));
    expect(code?.participantId).toBeNull();
  });

  it('item 1 (p11): the rewards measure counts no tester grant, overall included, and its stock is the real pool', async () => {
    const id = await setup();
    await discountWithSandbox(id);
    await member(900, ['stats']);
    const rewards = async () => {
      const res = await call('GET', `/api/admin/stats/campaigns/${id}/rewards`, 900);
      expect(res.status).toBe(200);
      return (await res.json()).rewards as { issued: number; issuedTotal: number; stock: number; stockLeft: number }[];
    };
    await call('POST', `/api/admin/campaigns/${id}/testers`, ADMIN, { vkUserId: TESTER });
    await call('POST', `/api/campaigns/${id}/open`, TESTER, {});
    const claimed = await (await call('POST', `/api/campaigns/${id}/rewards/discount/claim`, TESTER, {})).json();
    expect(claimed.grant.code).toBe('TEST-1');
    expect(await rewards()).toEqual([expect.objectContaining({ issued: 0, issuedTotal: 0, stock: 2, stockLeft: 2 })]);

    await w.write((tx) => goLiveSteps(tx, { campaignId: id, now: w.clock.now }));
    await w.write((tx) => tx.update(schema.campaigns).set({ status: 'live', startsAt: w.clock.now - 1 }));
    await call('POST', `/api/campaigns/${id}/open`, REAL, {});
    expect((await call('POST', `/api/campaigns/${id}/rewards/discount/claim`, REAL, {})).status).toBe(200);
    expect(await rewards()).toEqual([expect.objectContaining({ issued: 1, issuedTotal: 1, stock: 2, stockLeft: 1 })]);
  });

  it('item 2: the funnel report and the stuck list leave testers out', async () => {
    const id = await setup();
    await call('POST', `/api/admin/campaigns/${id}/testers`, ADMIN, { vkUserId: TESTER });
    await call('POST', `/api/campaigns/${id}/open`, TESTER, {});
    await w.write((tx) => tx.update(schema.campaigns).set({ status: 'live', startsAt: w.clock.now - 1 }));
    // (a real participant opened after a status change that skipped the launch steps: both kinds side by side)
    await call('POST', `/api/campaigns/${id}/open`, REAL, {});
    const report = await funnelReport(w.deps.db, {
      campaignId: id,
      from: w.clock.now - DAY,
      to: w.clock.now + DAY,
      windowMs: DAY,
    });
    expect(report.stages[0]).toMatchObject({ stage: 'opened', count: 1 });
    await member(900, ['stats']);
    const stuck = await w.app.request(`/api/admin/funnel/campaigns/${id}/stuck?stage=opened&minHours=0`, {
      headers: { Authorization: w.vkAuth(900) },
    });
    expect(stuck.status).toBe(200);
    const users = (await stuck.json()).rows.map((r: { userId: string }) => r.userId);
    expect(users).toEqual([String(REAL)]);
  });

  it('item 2: going live wipes the testers’ plays and returns their codes, and touches nothing of real participants', async () => {
    const id = await setup();
    await w.task(id, 'visit', 'visit_link', { url: 'https://example.com' });
    const pool = await w.pool(id, 'prize', ['REAL-1', 'REAL-2', 'REAL-3']);
    const sandbox = await w.pool(id, 'prize-sandbox', ['TEST-1', 'TEST-2']);
    await w.write((tx) =>
      tx.update(schema.codePools).set({ sandbox: true, sandboxOf: pool }).where(eq(schema.codePools.id, sandbox)),
    );
    await w.reward(id, 'discount', { poolId: pool });
    const other = await w.campaign({ status: 'live' });
    await w.reward(other, 'discount', { poolId: await w.pool(other, 'prize', ['OTHER-1']) });

    // Real participants: one in another campaign, one in this campaign (as if it had been live before).
    for (const [campaign, user] of [
      [other, REAL],
      [id, REAL + 1],
    ] as const) {
      if (campaign === id)
        await w.write((tx) =>
          tx
            .update(schema.campaigns)
            .set({ status: 'live', startsAt: w.clock.now - 1 })
            .where(eq(schema.campaigns.id, id)),
        );
      await call('POST', `/api/campaigns/${campaign}/open`, user, {});
      await call('POST', `/api/campaigns/${campaign}/tasks/visit/start`, user, {});
      expect((await call('POST', `/api/campaigns/${campaign}/rewards/discount/claim`, user, {})).status).toBe(200);
      if (campaign === id)
        await w.write((tx) =>
          tx.update(schema.campaigns).set({ status: 'scheduled' }).where(eq(schema.campaigns.id, id)),
        );
    }
    await call('POST', `/api/admin/campaigns/${id}/testers`, ADMIN, { vkUserId: TESTER });
    await call('POST', `/api/admin/campaigns/${id}/testers`, ADMIN, { vkUserId: LINK_TESTER });
    for (const tester of [TESTER, LINK_TESTER]) {
      await call('POST', `/api/campaigns/${id}/open`, tester, {});
      await call('POST', `/api/campaigns/${id}/tasks/visit/start`, tester, {});
      expect((await call('POST', `/api/campaigns/${id}/rewards/discount/claim`, tester, {})).status).toBe(200);
    }
    const testerIds = (
      await w.deps.db
        .select({ id: schema.participants.id })
        .from(schema.participants)
        .where(eq(schema.participants.isTester, true))
    ).map((r) => r.id);
    expect(testerIds).toHaveLength(2);
    const [testerId] = testerIds as [number];
    await w.write((tx) =>
      tx.insert(schema.outbox).values([
        {
          dedupeKey: 'tester-queued',
          kind: 'rule',
          campaignId: id,
          participantId: testerId,
          vkGroupId: 1,
          vkUserId: TESTER,
          channel: 'message',
          text: 'hi',
          contentKey: 'k',
          randomId: 1,
          nextAttemptAt: 0,
          createdAt: w.clock.now,
          updatedAt: w.clock.now,
        },
      ]),
    );
    const snapshot = async () => {
      const db = w.deps.db;
      const events = await db.select().from(schema.events);
      return {
        participants: (await db.select().from(schema.participants)).length,
        grants: (await db.select().from(schema.grants)).length,
        completions: (await db.select().from(schema.taskCompletions)).length,
        realEvents: events.filter((e) => e.participantId !== null && !testerIds.includes(e.participantId)).length,
        testerEvents: events.filter((e) => e.participantId !== null && testerIds.includes(e.participantId)).length,
        usedCodes: (await db.select().from(schema.poolCodes))
          .filter((c) => c.usedAt !== null)
          .map((c) => c.code)
          .sort(),
      };
    };
    const before = await snapshot();
    expect(before.usedCodes).toEqual(['OTHER-1', 'REAL-1', 'TEST-1', 'TEST-2']);

    await w.write((tx) => goLiveSteps(tx, { campaignId: id, now: w.clock.now }));

    const after = await snapshot();
    expect(after.participants).toBe(before.participants - 2);
    expect(after.grants).toBe(before.grants - 2);
    expect(after.completions).toBe(before.completions - 2);
    expect(after.usedCodes).toEqual(['OTHER-1', 'REAL-1']);
    expect(before.testerEvents).toBeGreaterThan(0);
    expect(after.testerEvents).toBe(0);
    expect(after.realEvents).toBe(before.realEvents);
    const [queued] = await w.deps.db.select().from(schema.outbox).where(eq(schema.outbox.dedupeKey, 'tester-queued'));
    expect(queued?.status).toBe('cancelled');
    // With its reason, so a broadcast's page words it among "not sent" (decision 111; stored none before).
    expect(queued?.errorReason).toBe('tester_reset');
    const reals = await w.deps.db
      .select()
      .from(schema.participants)
      .where(and(eq(schema.participants.isTester, false)));
    expect(reals.map((p) => p.platformUserId).sort()).toEqual([String(REAL), String(REAL + 1)]);
  });
  it('item 2: going live gives back the calendar moments testers won and the pack codes they played', async () => {
    const id = await setup();
    const entryPool = await w.pool(id, 'packs', ['PACK-1'], 'entry');
    await w.reward(id, 'prize', { stock: 5 });
    const [prize] = await w.deps.db.select().from(schema.rewards).where(eq(schema.rewards.campaignId, id));
    if (!prize) throw new Error('no reward');
    const reward = prize.id;
    await call('POST', `/api/admin/campaigns/${id}/testers`, ADMIN, { vkUserId: TESTER });
    await call('POST', `/api/campaigns/${id}/open`, TESTER, {});
    const [tester] = await w.deps.db.select().from(schema.participants).where(eq(schema.participants.isTester, true));
    if (!tester) throw new Error('the tester did not become a participant');
    const [code] = await w.deps.db.select().from(schema.poolCodes).where(eq(schema.poolCodes.poolId, entryPool));
    if (!code) throw new Error('no pack code');
    const at = w.clock.now;
    await w.write(async (tx) => {
      await tx
        .insert(schema.prizeMoments)
        .values({ campaignId: id, rewardId: reward, at, wonBy: tester.id, wonAt: at });
      await tx
        .update(schema.poolCodes)
        .set({ usedAt: at, participantId: tester.id })
        .where(eq(schema.poolCodes.id, code.id));
      await tx.insert(schema.codePlays).values({ campaignId: id, participantId: tester.id, poolCodeId: code.id, at });
    });
    await w.write((tx) => goLiveSteps(tx, { campaignId: id, now: w.clock.now }));
    const [moment] = await w.deps.db.select().from(schema.prizeMoments).where(eq(schema.prizeMoments.campaignId, id));
    expect(moment).toMatchObject({ wonBy: null, wonAt: null, grantId: null });
    expect(await w.deps.db.select().from(schema.codePlays)).toEqual([]);
    const [back] = await w.deps.db.select().from(schema.poolCodes).where(eq(schema.poolCodes.id, code.id));
    expect(back).toMatchObject({ usedAt: null, participantId: null });
  });
});
