/**
 * The dashboard's measures on hand-built histories whose answers are known: sessions split by inactivity, drop-off
 * screens, retention cohorts, local-day boundaries, the previous-period comparison, holdout lift, testers left out.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMessagingWorld, grantBrandAdmin, type MessagingWorld } from '../../tests/bot/messaging-world.ts';
import { createApp } from '../app.ts';
import { schema } from '../db/client.ts';
import { inTransaction } from '../db/transactions.ts';
import { DAY, HOUR, joined, MIN, telemetry } from './testing/telemetry-history.ts';

const ADMIN = 900_101;
// 2026-06-01 00:00 in Moscow (UTC+3) is 2026-05-31 21:00 UTC.
const JUNE_1_MSK = Date.UTC(2026, 4, 31, 21);

let w: MessagingWorld;
beforeEach(async () => {
  w = await createMessagingWorld({}, JUNE_1_MSK + 40 * DAY);
  await grantBrandAdmin(w, ADMIN, ['stats']);
});
afterEach(async () => {
  await w.shutdown();
});

async function measure(path: string) {
  const res = await createApp(w.deps).request(`/api/admin/stats/${path}`, {
    headers: { Authorization: w.vkAuth(ADMIN) },
  });
  const body = await res.json();
  if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(body)}`);
  return body;
}
const campaign = (m: string, q = '?from=2026-06-01&to=2026-06-07') => measure(`campaigns/${w.campaignId}/${m}${q}`);

describe('statistics measures', () => {
  it("content titles come in the member's language where the content has it (the campaign's funnel title)", async () => {
    await inTransaction(w.deps.db, (tx) =>
      tx
        .update(schema.campaigns)
        .set({ translations: { en: { title: 'Summer promo' } } })
        .where(eq(schema.campaigns.id, w.campaignId)),
    );
    const [ru] = await w.deps.db
      .select({ title: schema.campaigns.title })
      .from(schema.campaigns)
      .where(eq(schema.campaigns.id, w.campaignId));
    const funnelTitle = async (language: string) => {
      const res = await createApp(w.deps).request(
        `/api/admin/stats/campaigns/${w.campaignId}/funnel?from=2026-06-01&to=2026-06-07`,
        { headers: { Authorization: w.vkAuth(ADMIN, { vk_language: language }) } },
      );
      return ((await res.json()) as { funnels: Array<{ title: string }> }).funnels[0]?.title;
    };
    expect(await funnelTitle('en')).toBe('Summer promo');
    expect(await funnelTitle('ru')).toBe(ru?.title);
  });

  it('item 3: sessions split after 30 minutes without an event (exactly 30 is one session), lengths and per-user counts', async () => {
    const t0 = JUNE_1_MSK + 10 * HOUR;
    const a = await joined(w, t0);
    const b = await joined(w, t0);
    // a: 0, 10, 40 (gap exactly 30 min: same session), 71 (gap 31: a new one), 75.
    await telemetry(
      w,
      a,
      [0, 10, 40, 71, 75].map((m) => ({ at: t0 + m * MIN })),
    );
    await telemetry(w, b, [{ at: t0 + 2 * HOUR }]);
    const s = await campaign('sessions');
    expect(s.gapMs).toBe(30 * MIN);
    expect(s.sessions).toBe(3);
    expect(s.users).toBe(2);
    expect(s.sessionsPerUser).toEqual({ mean: 1.5, median: 1.5 });
    // lengths: 40 min, 4 min, 0.
    expect(s.lengthMs).toEqual({ mean: Math.round((44 * MIN) / 3), median: 4 * MIN, p90: 40 * MIN });
    expect(s.lengthBuckets.map((x: { count: number }) => x.count)).toEqual([1, 0, 0, 1, 0, 1]);
    expect(s.perUserBuckets.map((x: { count: number }) => x.count)).toEqual([1, 1, 0, 0, 0]);
    expect(s.days[0]).toEqual({ day: '2026-06-01', sessions: 3, medianLengthMs: 4 * MIN });
  });

  it('item 3: the drop-off screen is the last screen viewed in each session', async () => {
    const t0 = JUNE_1_MSK + 9 * HOUR;
    const a = await joined(w, t0);
    const b = await joined(w, t0);
    await telemetry(w, a, [
      { at: t0, kind: 'session_start' },
      { at: t0 + MIN, kind: 'screen_view', screen: 'home' },
      { at: t0 + 2 * MIN, kind: 'screen_view', screen: 'campaign' },
      { at: t0 + 3 * MIN, kind: 'screen_view', screen: 'prizes' },
      { at: t0 + 4 * MIN }, // a heartbeat does not change the screen
      { at: t0 + 2 * HOUR, kind: 'screen_view', screen: 'rules' },
    ]);
    await telemetry(w, b, [{ at: t0 + 5 * MIN, kind: 'screen_view', screen: 'prizes' }]);
    const d = await campaign('drop-off-screens');
    expect(d.sessions).toBe(3);
    expect(d.screens).toEqual([
      { screen: 'prizes', sessionsEnded: 2, share: 0.6667 },
      { screen: 'rules', sessionsEnded: 1, share: 0.3333 },
    ]);
  });

  it('item 3: D1/D7/D30 retention cohorts by local day (00:30 in Moscow is the next day though still the same UTC day)', async () => {
    const d0 = JUNE_1_MSK + 12 * HOUR; // 2026-06-01 12:00 MSK
    const p1 = await joined(w, d0);
    const p2 = await joined(w, d0);
    const p3 = await joined(w, d0);
    const p4 = await joined(w, d0 + DAY); // the 2026-06-02 cohort
    await telemetry(w, p1, [{ at: d0 + DAY }, { at: d0 + 7 * DAY }, { at: d0 + 30 * DAY }]);
    await telemetry(w, p2, [{ at: d0 + DAY + 11 * HOUR }]); // 2026-06-02 23:00 MSK: day 1
    // 2026-06-03 00:30 MSK = 2026-06-02 21:30 UTC: by UTC that is day 1, by the campaign's day it is day 2.
    await telemetry(w, p3, [{ at: JUNE_1_MSK + 2 * DAY + 30 * MIN }]);
    await telemetry(w, p4, [{ at: d0 + 2 * DAY }]);
    const r = await campaign('retention', '?from=2026-06-01&to=2026-06-02');
    expect(r.cohorts).toEqual([
      {
        day: '2026-06-01',
        size: 3,
        d1: { users: 2, rate: 0.6667 },
        d7: { users: 1, rate: 0.3333 },
        d30: { users: 1, rate: 0.3333 },
      },
      { day: '2026-06-02', size: 1, d1: { users: 1, rate: 1 }, d7: { users: 0, rate: 0 }, d30: { users: 0, rate: 0 } },
    ]);
    expect(r.overall.d1).toEqual({ users: 3, rate: 0.75 });
    // A day that has not ended is not known yet: null, not 0.
    w.clock.set(d0 + 7 * DAY);
    const early = await campaign('retention', '?from=2026-06-01&to=2026-06-01');
    expect(early.cohorts[0].d1).toEqual({ users: 2, rate: 0.6667 });
    expect(early.cohorts[0].d7).toBeNull();
    expect(early.cohorts[0].d30).toBeNull();
  });

  it('item 3: daily active users and new participants fall on the local day (21:30 UTC is the next day in Moscow)', async () => {
    const late = JUNE_1_MSK + DAY + 30 * MIN; // 2026-06-02 00:30 MSK, still 2026-06-01 in UTC
    const a = await joined(w, late);
    const b = await joined(w, JUNE_1_MSK + 12 * HOUR);
    await telemetry(w, a, [{ at: late }]);
    await telemetry(w, b, [{ at: JUNE_1_MSK + 12 * HOUR }, { at: late + HOUR }]);
    const act = await campaign('activity', '?from=2026-06-01&to=2026-06-03');
    expect(act.days).toEqual([
      { day: '2026-06-01', activeUsers: 1, newParticipants: 1 },
      { day: '2026-06-02', activeUsers: 2, newParticipants: 1 },
      { day: '2026-06-03', activeUsers: 0, newParticipants: 0 },
    ]);
    expect(act.totals).toEqual({ activeUsers: 2, newParticipants: 2 });
    // The same history in UTC puts both joins on 2026-06-01.
    const utc = await campaign('activity', '?from=2026-06-01&to=2026-06-03&timeZone=UTC');
    expect(utc.days[0]).toEqual({ day: '2026-06-01', activeUsers: 2, newParticipants: 2 });
  });

  it('item 3: the summary compares with the previous period of the same length', async () => {
    // Range 2026-06-08..14; previous period 2026-06-01..07.
    const prev = JUNE_1_MSK + 2 * DAY + 10 * HOUR;
    const cur = JUNE_1_MSK + 9 * DAY + 10 * HOUR;
    const a = await joined(w, prev);
    await telemetry(w, a, [{ at: prev }, { at: prev + 2 * HOUR, kind: 'client_error', message: 'x' }]);
    for (const p of [await joined(w, cur), await joined(w, cur), await joined(w, cur)]) {
      await telemetry(w, p, [{ at: cur, kind: 'screen_view', screen: 'home' }, { at: cur + 3 * HOUR }]);
    }
    const s = await campaign('summary', '?from=2026-06-08&to=2026-06-14');
    expect(s.previousRange).toMatchObject({ from: '2026-06-01', to: '2026-06-07', days: 7 });
    const kpi = Object.fromEntries(s.kpis.map((k: { key: string }) => [k.key, k]));
    expect(kpi.new_participants).toEqual({ key: 'new_participants', current: 3, previous: 1, changePct: 200 });
    expect(kpi.sessions).toEqual({ key: 'sessions', current: 6, previous: 2, changePct: 200 });
    expect(kpi.active_users).toMatchObject({ current: 3, previous: 1 });
    expect(kpi.screen_views).toMatchObject({ current: 3, previous: 0, changePct: null });
    expect(kpi.error_rate).toMatchObject({ current: 0, previous: 0.5, changePct: -100 });
  });

  it('item 3: client error rate and the top errors with their screens', async () => {
    const t0 = JUNE_1_MSK + 10 * HOUR;
    const a = await joined(w, t0);
    const b = await joined(w, t0);
    await telemetry(w, a, [
      { at: t0, kind: 'client_error', screen: 'wheel', message: 'TypeError: x' },
      { at: t0 + MIN, kind: 'client_error', screen: 'wheel', message: 'TypeError: x' },
      { at: t0 + 3 * HOUR },
    ]);
    await telemetry(w, b, [{ at: t0 + 5 * MIN, kind: 'client_error', screen: 'wheel', message: 'TypeError: x' }]);
    const e = await campaign('errors');
    expect(e).toMatchObject({ sessions: 3, sessionsWithErrors: 2, errorRate: 0.6667, errors: 3 });
    expect(e.top).toEqual([
      { message: 'TypeError: x', screen: 'wheel', count: 3, users: 2, lastAt: t0 + 5 * MIN, build: 'test-build' },
    ]);
  });

  it('item 1: beta testers and other platforms are left out when asked', async () => {
    const t0 = JUNE_1_MSK + 10 * HOUR;
    const tester = await joined(w, t0, { tester: true });
    const ok = await joined(w, t0, { platform: 'ok' });
    const vk = await joined(w, t0);
    await telemetry(w, tester, [{ at: t0 }]);
    await telemetry(w, ok, [{ at: t0 }], { platform: 'ok' });
    await telemetry(w, vk, [{ at: t0 }]);
    expect((await campaign('sessions')).users).toBe(2);
    expect((await campaign('sessions', '?from=2026-06-01&to=2026-06-07&platform=ok')).users).toBe(1);
    expect((await campaign('activity', '?from=2026-06-01&to=2026-06-01&platform=vk')).days[0]).toMatchObject({
      activeUsers: 1,
      newParticipants: 1,
    });
  });

  it('item 3: mailing performance shows the holdout lift of a rule', async () => {
    const t0 = JUNE_1_MSK + DAY;
    const [rule] = await w.write((tx) =>
      tx
        .insert(schema.messageRules)
        .values({
          campaignId: w.campaignId,
          name: 'Напоминание',
          stage: 'opened',
          notStage: 'task_done',
          minHours: 24,
          variants: [{ key: 'a', text: 'hi' }],
          holdoutPercent: 20,
        })
        .returning(),
    );
    if (!rule) throw new Error('no rule');
    // Sent: 4, of whom 3 reached task_done (75 %); holdout: 2, of whom 1 did (50 %): lift 25 points.
    const rows: [string, boolean][] = [
      ['sent', true],
      ['sent', true],
      ['sent', true],
      ['sent', false],
      ['holdout', true],
      ['holdout', false],
    ];
    let i = 0;
    for (const [status, converted] of rows) {
      const pid = await joined(w, t0, { stage: converted ? 'task_done' : 'opened' });
      await w.write(async (tx) => {
        await tx
          .update(schema.participants)
          .set({ stageIndex: converted ? 1 : 0 })
          .where(eqId(pid));
        await tx.insert(schema.outbox).values({
          dedupeKey: `r${rule.id}:${pid}`,
          kind: 'rule',
          ruleId: rule.id,
          campaignId: w.campaignId,
          participantId: pid,
          vkGroupId: 1,
          vkUserId: 700_000 + i++,
          channel: 'message',
          variant: 'a',
          text: 'hi',
          contentKey: 'k',
          randomId: i,
          status: status as 'sent' | 'holdout',
          nextAttemptAt: t0,
          createdAt: t0,
          updatedAt: t0,
        });
      });
    }
    const m = await campaign('mailings');
    expect(m.rules).toEqual([
      {
        campaignId: w.campaignId,
        ruleId: rule.id,
        name: 'Напоминание',
        enabled: true,
        targetStage: 'task_done',
        taskTitles: {},
        sent: 4,
        failed: 0,
        treated: { users: 4, converted: 3, rate: 0.75 },
        holdout: { users: 2, converted: 1, rate: 0.5 },
        liftPoints: 25,
      },
    ]);
  });
});

const eqId = (id: number) => eq(schema.participants.id, id);
