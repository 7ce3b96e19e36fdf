/**
 * Issue 13 (scale-out), item 4: exactly-once across API processes on one PostgreSQL, beyond claims. Three
 * `scripts/start.ts` processes; every user's requests go to all of them at once. Task completion leaves one completion
 * row and one `task_done` event per participant and task; a quiz keeps one result (the same answer everywhere); the
 * wheel's daily limit holds in total, not per process; an invitee credits the inviter once. The worlds are the
 * single-process tests' (server/promo/*: participation, quiz, wheel, task-kinds); the decisions are the database's
 * (transactions, unique keys), not any process's memory. PostgreSQL only.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../server/db/client.ts';
import { countReferrals } from '../../server/promo/participation/referrals.ts';
import { createPromoWorld, type PromoWorld } from '../../server/promo/testing/promo-world.ts';
import { quizSettings } from '../../server/seed/demo-promo.ts';
import {
  type ApiProcess,
  killStartedApiProcesses,
  send,
  startApiProcesses,
  worldServerEnv,
} from '../support/api-processes.ts';
import { testsOnPostgres } from '../support/world-database.ts';

const PROCESSES = 3;
const USERS = 12;

describe.skipIf(!testsOnPostgres())('exactly once across three API processes on PostgreSQL', () => {
  let w: PromoWorld;
  let api: ApiProcess[];

  beforeAll(async () => {
    w = await createPromoWorld({}, Date.now());
    api = await startApiProcesses(PROCESSES, worldServerEnv(w));
  }, 120_000);

  afterAll(async () => {
    await Promise.all((api ?? []).map((p) => p.stop()));
    killStartedApiProcesses();
    w?.close();
  });

  const logs = () => api.map((p, i) => `--- API process ${i}\n${p.output()}`).join('\n');

  async function post(i: number, path: string, user: number, body: unknown = {}) {
    const res = await send(`${(api[i % PROCESSES] as ApiProcess).base}/api/campaigns${path}`, {
      headers: { Authorization: w.vkAuth(user), 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: JSON.parse(res.text) as Record<string, unknown> };
  }

  /** The same request from `user` to every process at once (and once more to the first). */
  const everywhere = (path: string, user: number, body?: unknown) =>
    Promise.all(Array.from({ length: PROCESSES + 1 }, (_, i) => post(i, path, user, body)));

  const users = Array.from({ length: USERS }, (_, i) => 30_000 + i);

  async function openAll(id: number, body: (user: number) => unknown = () => ({})) {
    const opened = await Promise.all(users.map((u, i) => post(i, `/${id}/open`, u, body(u))));
    expect(opened.filter((o) => o.status !== 200)).toEqual([]);
  }

  async function participantIds(id: number): Promise<Map<number, number>> {
    const rows = await w.deps.db.select().from(schema.participants).where(eq(schema.participants.campaignId, id));
    return new Map(rows.map((p) => [p.id, Number(p.platformUserId)]));
  }

  async function eventsOf(id: number, type: string) {
    return w.deps.db
      .select()
      .from(schema.events)
      .where(and(eq(schema.events.campaignId, id), eq(schema.events.type, type)));
  }

  it('item 4: a task completed through every process at once is done once per participant', async () => {
    const id = await w.campaign();
    await w.task(id, 'site', 'visit_link', { url: 'https://example.com' });
    await openAll(id);
    await Promise.all(users.map((u, i) => post(i, `/${id}/tasks/site/start`, u)));
    const answers = (
      await Promise.all(users.map((u) => everywhere(`/${id}/tasks/site/complete`, u, { result: 'done' })))
    ).flat();
    expect(
      answers.filter((a) => a.status !== 200),
      logs(),
    ).toEqual([]);
    expect(answers.every((a) => (a.json.task as { state: string }).state === 'done')).toBe(true);
    const completions = await w.deps.db.select().from(schema.taskCompletions);
    expect(completions).toHaveLength(USERS);
    expect(completions.every((c) => c.status === 'done')).toBe(true);
    const done = await eventsOf(id, 'task_done');
    expect(done).toHaveLength(USERS);
    expect(new Set(done.map((e) => e.participantId)).size).toBe(USERS);
  }, 90_000);

  it('item 4: a quiz submitted through every process at once keeps one result, the same everywhere', async () => {
    const id = await w.campaign({ mechanic: 'quiz', settings: { quiz: quizSettings() } });
    // The band rewards of the demo quiz, as in server/promo/quiz/quiz.test.ts, each with a code for everyone.
    for (const [key, prefix] of [
      ['quiz10', 'Q10'],
      ['quiz25', 'Q25'],
    ] as const) {
      const codes = users.map((u) => `${prefix}-${u}`);
      await w.reward(id, key, { poolId: await w.pool(id, key, codes), unlock: { quiz: true } });
    }
    await openAll(id);
    // Each process gets a different set of answers: whichever commits first is the result all of them answer with.
    const answersFor = (k: number) => ({ q1: [k % 2 ? 'a' : 'b'], q2: ['a', 'b'], q3: ['a'], q4: ['a'], q5: ['b'] });
    const results = await Promise.all(
      users.map((u) =>
        Promise.all(
          Array.from({ length: PROCESSES + 1 }, (_, k) =>
            post(k, `/${id}/quiz/answers`, u, { answers: answersFor(k) }),
          ),
        ),
      ),
    );
    for (const perUser of results) {
      expect(
        perUser.filter((a) => a.status !== 200),
        logs(),
      ).toEqual([]);
      expect(new Set(perUser.map((a) => JSON.stringify(a.json))).size).toBe(1);
    }
    const stored = await w.deps.db.select().from(schema.quizResults);
    const ids = await participantIds(id);
    expect(stored.filter((r) => ids.has(r.participantId))).toHaveLength(USERS);
    expect(await eventsOf(id, 'quiz_finished')).toHaveLength(USERS);
    const grants = (await w.deps.db.select().from(schema.grants)).filter((g) => g.campaignId === id);
    expect(grants).toHaveLength(USERS);
    expect(new Set(grants.map((g) => g.participantId)).size).toBe(USERS);
  }, 90_000);

  it('item 4: spins through every process at once stay within the daily limit in total', async () => {
    const free = 2;
    const id = await w.campaign({
      mechanic: 'wheel',
      settings: { wheel: { dailyFreeAttempts: free, dailyAttemptLimit: 3, resetHour: 0, loseWeight: 1 } },
    });
    await openAll(id);
    // Two rounds of one spin per process: 2 × (PROCESSES + 1) = 8 tries a user for 2 free attempts.
    const rounds = [];
    for (let r = 0; r < 2; r++)
      rounds.push(...(await Promise.all(users.map((u) => everywhere(`/${id}/wheel/spin`, u)))));
    const byUser = new Map<number, number>();
    rounds.forEach((perUser, i) => {
      const u = users[i % USERS] as number;
      for (const a of perUser) {
        expect([200, 409], JSON.stringify(a.json)).toContain(a.status);
        if (a.status === 200) byUser.set(u, (byUser.get(u) ?? 0) + 1);
        else expect((a.json.error as { code: string }).code).toBe('no_attempts');
      }
    });
    expect([...users].map((u) => byUser.get(u) ?? 0)).toEqual(users.map(() => free));
    const ids = await participantIds(id);
    const attempts = (await w.deps.db.select().from(schema.wheelAttempts)).filter((a) => ids.has(a.participantId));
    expect(attempts).toHaveLength(USERS * free);
    expect(await eventsOf(id, 'attempt')).toHaveLength(USERS * free);
  }, 90_000);

  it('item 4: an invitee opening through every process at once credits the inviter once', async () => {
    const id = await w.campaign();
    await w.task(id, 'friends', 'invite_friends', { friendsRequired: USERS });
    const inviter = 39_999;
    const opened = await post(0, `/${id}/open`, inviter);
    expect(opened.status).toBe(200);
    const [row] = await w.deps.db
      .select()
      .from(schema.participants)
      .where(and(eq(schema.participants.campaignId, id), eq(schema.participants.platformUserId, String(inviter))));
    const ref = row?.referralCode as string;
    const answers = (await Promise.all(users.map((u) => everywhere(`/${id}/open`, u, { ref })))).flat();
    expect(
      answers.filter((a) => a.status !== 200),
      logs(),
    ).toEqual([]);
    expect(answers.filter((a) => a.json.created === true)).toHaveLength(USERS);
    expect(await countReferrals(w.deps.db, row?.id as number)).toBe(USERS);
    const done = (await eventsOf(id, 'task_done')).filter((e) => e.participantId === row?.id);
    expect(done).toHaveLength(1);
    expect((await participantIds(id)).size).toBe(USERS + 1);
  }, 90_000);
});
