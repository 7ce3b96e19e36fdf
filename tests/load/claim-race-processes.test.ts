/**
 * Issue 13 (scale-out), item 2: the claim race of tests/load/claim-race.test.ts against four API processes started as
 * users start them (`scripts/start.ts` with `DATABASE_URL`) on one throwaway PostgreSQL database: 500 participants
 * and 200 repeated claims race for 300 codes, every request going to one of the four processes and each repeat to
 * another process than its first claim. Exactly 300 are issued, each code once, every 2xx carries a distinct code,
 * every repeat gets its first answer, the others get 409 `sold_out`, and nothing answers 500. PostgreSQL only (the
 * SQLite file across processes is tests/load/claim-processes.test.ts).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../server/db/client.ts';
import { createPromoWorld, type PromoWorld } from '../../server/promo/testing/promo-world.ts';
import {
  type Answered,
  type ApiProcess,
  killStartedApiProcesses,
  send,
  startApiProcesses,
  worldServerEnv,
} from '../support/api-processes.ts';
import { testsOnPostgres } from '../support/world-database.ts';

const PROCESSES = 4;
const PARTICIPANTS = 500;
const REPEATS = 200;
const CODES = 300;

interface Answer {
  status: number;
  code: string | null;
  error: string | null;
}

/** Transactions rolled back in the world's database so far (serialization retries and refused claims). */
async function rollbacks(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      'SELECT xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()',
    );
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

describe.skipIf(!testsOnPostgres())('claim race across four API processes on PostgreSQL', () => {
  let w: PromoWorld;
  let api: ApiProcess[];
  let campaignId: number;

  beforeAll(async () => {
    w = await createPromoWorld({}, Date.now());
    campaignId = await w.campaign();
    const codes = Array.from({ length: CODES }, (_, i) => `RACE4-${String(i + 1).padStart(4, '0')}`);
    await w.reward(campaignId, 'prize', { poolId: await w.pool(campaignId, 'race', codes) });
    api = await startApiProcesses(PROCESSES, worldServerEnv(w));
  }, 120_000);

  afterAll(async () => {
    await Promise.all((api ?? []).map((p) => p.stop()));
    killStartedApiProcesses();
    w?.close();
  });

  const logs = () => api.map((p, i) => `--- API process ${i}\n${p.output()}`).join('\n');

  async function post(p: ApiProcess, path: string, user: number): Promise<Answer> {
    let res: Answered;
    try {
      res = await send(`${p.base}/api/campaigns/${campaignId}${path}`, {
        headers: { Authorization: w.vkAuth(user), 'Content-Type': 'application/json' },
        body: '{}',
      });
    } catch (err) {
      // Counted as a failure below (a process that died, or a connection it reset), not thrown past the tally.
      return { status: 0, code: null, error: `network: ${err}` };
    }
    const json = JSON.parse(res.text) as { grant?: { code: string }; error?: { code: string } };
    return { status: res.status, code: json.grant?.code ?? null, error: json.error?.code ?? null };
  }

  it('item 2: 500 + 200 claims on 300 codes through 4 processes: exactly 300 issued, each code once, never a 500', async () => {
    const via = (i: number) => api[i % PROCESSES] as ApiProcess;
    const users = Array.from({ length: PARTICIPANTS }, (_, i) => 20_000 + i);
    const opened = await Promise.all(users.map((u, i) => post(via(i), '/open', u)));
    const openFailures = opened.filter((o) => o.status !== 200);

    const before = await rollbacks(w.databaseEnv.DATABASE_URL);
    const started = Date.now();
    const repeaters = new Set(users.filter((_, i) => i % Math.floor(PARTICIPANTS / REPEATS) === 0).slice(0, REPEATS));
    const outcomes = await Promise.all(
      users.map(async (u, i) => {
        const first = await post(via(i), '/rewards/prize/claim', u);
        const repeat = repeaters.has(u) ? await post(via(i + 1), '/rewards/prize/claim', u) : undefined;
        return { u, first, repeat };
      }),
    );
    const raceMs = Date.now() - started;

    const answers = outcomes.flatMap((o) => (o.repeat ? [o.first, o.repeat] : [o.first]));
    // The statistics collector flushes about once a second.
    await new Promise((r) => setTimeout(r, 1500));
    const rolledBack = (await rollbacks(w.databaseEnv.DATABASE_URL)) - before;
    const failed = answers.filter((a) => a.status >= 500 || a.status === 0);
    console.info(
      `item 2: ${answers.length} claims through ${PROCESSES} processes in ${raceMs} ms; ${rolledBack} transactions rolled back (serialization retries, plus the refused claims that roll back); ${failed.length} claims and ${openFailures.length} opens failed (5xx or no answer)`,
    );
    expect(api.filter((p) => p.exitCode() !== null).map((p) => p.output())).toEqual([]);
    expect(openFailures, logs()).toEqual([]);
    expect(failed, logs()).toEqual([]);
    const issued = outcomes.filter((o) => o.first.status === 200);
    const soldOut = outcomes.filter((o) => o.first.status === 409 && o.first.error === 'sold_out');
    expect(issued).toHaveLength(CODES);
    expect(soldOut).toHaveLength(PARTICIPANTS - CODES);
    expect(new Set(issued.map((o) => o.first.code)).size).toBe(CODES);

    const repeats = outcomes.filter((o) => o.repeat);
    expect(repeats).toHaveLength(REPEATS);
    for (const o of repeats) {
      expect(o.repeat?.status).toBe(o.first.status);
      expect(o.repeat?.code).toBe(o.first.code);
      expect(o.repeat?.error).toBe(o.first.error);
    }

    const grants = await w.deps.db.select().from(schema.grants);
    expect(grants).toHaveLength(CODES);
    expect(new Set(grants.map((g) => g.code)).size).toBe(CODES);
    expect(new Set(grants.map((g) => g.participantId)).size).toBe(CODES);
    const used = (await w.deps.db.select().from(schema.poolCodes)).filter((c) => c.usedAt !== null);
    expect(used).toHaveLength(CODES);
  }, 120_000);
});
