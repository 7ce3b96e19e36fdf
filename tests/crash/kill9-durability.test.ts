/**
 * "A write that returned 2xx survives kill -9": the real server in a child process takes a stream of
 * writes (first opens of a campaign by distinct users, each followed by a reward claim, each committed before it is
 * answered), is killed with SIGKILL mid-stream, and the SQLite file is reopened: every acknowledged
 * participant is there with its `opened` event, and every acknowledged claim with its code, the code marked used and
 * one `reward_issued` event (no partial write).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { signVkLaunch } from '../../server/auth/vk-sign.ts';
import { startServerScript } from '../support/start-server.ts';

const dir = mkdtempSync(join(tmpdir(), 'kill9-'));
const dbPath = join(dir, 'app.db');
let child: ChildProcess | undefined;

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** A reward with no tasks to do, drawing on a pool of `codes` codes, added to the demo's campaign 1 from outside. */
function addClaimableReward(codes: number): void {
  const db = new Database(dbPath);
  try {
    db.transaction(() => {
      const pool = db
        .prepare(`insert into promo_code_pools (campaign_id, key, name) values (1, 'kill9', 'kill9') returning id`)
        .get() as { id: number };
      const code = db.prepare('insert into promo_pool_codes (pool_id, code) values (?, ?)');
      for (let i = 1; i <= codes; i++) code.run(pool.id, `K9-${i}`);
      db.prepare(
        `insert into promo_rewards (campaign_id, key, title, pool_id, unlock) values (1, 'kill9', 'kill9', ?, '{"tasks":0}')`,
      ).run(pool.id);
    })();
  } finally {
    db.close();
  }
}

describe('durability under kill -9', () => {
  it('keeps every write that was answered 2xx', { timeout: 60_000 }, async () => {
    const server = await startServerScript({ DATABASE_PATH: dbPath });
    child = server.child;
    const port = server.port;
    const { vkAppSecret } = JSON.parse(readFileSync(join(dir, 'local-secrets.json'), 'utf8')) as {
      vkAppSecret: string;
    };
    addClaimableReward(500);
    const acknowledged = new Set<number>();
    const claimed = new Map<number, string>();
    let nextUser = 500_000;
    let killed = false;

    const worker = async () => {
      while (!killed) {
        const userId = nextUser++;
        const auth = `VK ${signVkLaunch({ vk_user_id: userId, vk_app_id: 51000001, vk_ts: Math.floor(Date.now() / 1000) }, vkAppSecret)}`;
        try {
          const res = await fetch(`http://127.0.0.1:${port}/api/campaigns/1/open`, {
            method: 'POST',
            headers: { Authorization: auth, 'Content-Type': 'application/json' },
            body: '{}',
          });
          if (res.ok) acknowledged.add(userId);
          else if (!killed) throw new Error(`open answered ${res.status}: ${await res.text()}`);
          if (!res.ok) continue;
          const claim = await fetch(`http://127.0.0.1:${port}/api/campaigns/1/rewards/kill9/claim`, {
            method: 'POST',
            headers: { Authorization: auth },
          });
          if (claim.ok) claimed.set(userId, ((await claim.json()) as { grant: { code: string } }).grant.code);
          else if (!killed) throw new Error(`claim answered ${claim.status}: ${await claim.text()}`);
        } catch (err) {
          if (!killed) throw err;
        }
      }
    };
    const workers = Array.from({ length: 16 }, worker);
    let failure: unknown;
    const running = Promise.all(workers).catch((err) => {
      failure = err;
    });
    // Kill once enough writes were acknowledged (or after a bounded time), with requests still in flight.
    const deadline = Date.now() + 15_000;
    while (acknowledged.size < 150 && failure === undefined && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 10));
    }
    if (failure) throw failure;
    child.kill('SIGKILL');
    killed = true;
    await running;
    const proc = child;
    if (proc.exitCode === null && proc.signalCode === null) await new Promise((r) => proc.once('exit', r));

    const db = new Database(dbPath);
    try {
      const rows = db
        .prepare(
          `select cast(p.platform_user_id as integer) as userId,
                  (select count(*) from events e where e.participant_id = p.id and e.type = 'opened') as opened
             from participants p where p.campaign_id = 1`,
        )
        .all() as Array<{ userId: number; opened: number }>;
      const stored = new Map(rows.map((r) => [r.userId, r.opened]));
      const lost = [...acknowledged].filter((u) => !stored.has(u));
      expect(lost).toEqual([]);
      expect(rows.filter((r) => r.opened !== 1)).toEqual([]);
      expect(acknowledged.size).toBeGreaterThanOrEqual(20);

      const grants = db
        .prepare(
          `select cast(p.platform_user_id as integer) as userId, g.code, c.used_at as usedAt,
                  (select count(*) from events e where e.participant_id = p.id and e.type = 'reward_issued') as issued
             from promo_grants g join participants p on p.id = g.participant_id
             join promo_pool_codes c on c.id = g.pool_code_id`,
        )
        .all() as Array<{ userId: number; code: string; usedAt: number | null; issued: number }>;
      const byUser = new Map(grants.map((g) => [g.userId, g]));
      const lostClaims = [...claimed].filter(([u, code]) => byUser.get(u)?.code !== code);
      expect(lostClaims).toEqual([]);
      expect(grants.filter((g) => g.usedAt === null || g.issued !== 1)).toEqual([]);
      expect(claimed.size).toBeGreaterThanOrEqual(20);
    } finally {
      db.close();
    }
  });
});
