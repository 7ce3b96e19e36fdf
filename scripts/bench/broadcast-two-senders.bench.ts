/**
 * Broadcast with two sender processes (`bot/main.ts --once --no-rules`, as `npm run bot` runs it) on one database,
 * against the fake VK API in a third process: the community token's lease lets one of them send at a time, so the
 * pair together should reach ≥ 0.9 of the rate VK allows one token (20 requests/s × 100 recipients), with 0
 * duplicates and 0 error 6. The same run on each database (`BenchDatabase`): a SQLite file, and a throwaway
 * PostgreSQL database made beside `TEST_DATABASE_URL` (default the local cluster) and dropped afterwards; when
 * PostgreSQL cannot be reached its row is skipped with a message, the SQLite row still runs. The outbox is seeded and
 * read by broadcast-outbox.ts, run with the senders' variables.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase } from '../../tests/support/postgres.ts';
import { type FakeStats, GROUP, RPS, startFake, steadyMessagesPerSecond } from './broadcast-fixture.ts';
import { type BenchResult, result } from './types.ts';

const RECIPIENTS = 20_000;
const PROCESSES = 2;

/** Where the sender processes meet: the variables that point `npm run bot` (and broadcast-outbox.ts) at it. */
export interface BenchDatabase {
  name: string;
  env: Record<string, string>;
  dispose(): Promise<void>;
}

function sqliteDatabase(): BenchDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'bench-two-senders-'));
  return {
    name: 'SQLite',
    env: { DATABASE_PATH: join(dir, 'app.db') },
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A fresh PostgreSQL database, or undefined (with a message) when PostgreSQL cannot be reached. */
async function postgresDatabase(): Promise<BenchDatabase | undefined> {
  try {
    const database = await createTestDatabase('bench_senders');
    const dir = mkdtempSync(join(tmpdir(), 'bench-two-senders-pg-'));
    return {
      name: 'PostgreSQL',
      // DATABASE_PATH is required by the config even when DATABASE_URL chooses PostgreSQL; nothing is written there.
      env: { DATABASE_URL: database.url, DATABASE_PATH: join(dir, 'unused.db') },
      dispose: async () => {
        await database.drop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    process.stderr.write(
      `broadcast on PostgreSQL skipped: PostgreSQL unreachable (${(err as Error).message}); set TEST_DATABASE_URL or start it (pg_ctlcluster 15 main start)\n`,
    );
    return undefined;
  }
}

const run = promisify(execFile);
/** broadcast-outbox.ts with the database's variables; its stdout. */
async function outbox(database: BenchDatabase, ...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/bench/broadcast-outbox.ts', ...args], {
    env: { ...process.env, ...database.env },
    maxBuffer: 1 << 20,
  });
  return stdout.trim();
}

function senderProcess(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts', '--once', '--no-rules', '--quiet'], {
    env: { ...process.env, NODE_ENV: 'test', VK_APP_SECRET: 'bench', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (d) => {
    output = (output + String(d)).slice(-4000);
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

async function twoSenders(fake: Awaited<ReturnType<typeof startFake>>, database: BenchDatabase) {
  try {
    await outbox(database, 'seed', String(RECIPIENTS), 'Одинаковый текст двум отправителям');
    const env = {
      ...database.env,
      VK_GROUP_ID: String(GROUP),
      VK_GROUP_TOKEN: `group:${GROUP}`,
      VK_API_BASE_URL: fake.url,
    };
    const started = performance.now();
    const runs = await Promise.all(Array.from({ length: PROCESSES }, () => senderProcess(env)));
    const seconds = (performance.now() - started) / 1000;
    const failed = runs.find((r) => r.code !== 0);
    if (failed) throw new Error(`a sender process exited with ${failed.code}:\n${failed.output}`);
    const sent = Number(await outbox(database, 'sent'));
    if (sent !== RECIPIENTS) throw new Error(`sent ${sent} of ${RECIPIENTS}`);
    const stats = JSON.parse(await fake.ask('stats')) as FakeStats;
    await fake.ask('reset');
    return {
      perSecond: steadyMessagesPerSecond(stats, RECIPIENTS),
      stats,
      seconds,
      holders: runs.filter((r) => r.output.includes('sending with the token')).length,
    };
  } finally {
    await database.dispose();
  }
}

export default async function (): Promise<BenchResult[]> {
  const fake = await startFake(RECIPIENTS);
  try {
    const out: BenchResult[] = [];
    for (const make of [async () => sqliteDatabase(), postgresDatabase]) {
      const database = await make();
      if (!database) continue;
      const r = await twoSenders(fake, database);
      out.push(
        result({
          name: `broadcast with ${PROCESSES} sender processes on ${database.name} (peer_ids)`,
          value: Math.round(r.perSecond),
          unit: 'msg/s',
          baseline: RPS * 100,
          goal: '>= 0.9',
          recipients: RECIPIENTS,
          requests: r.stats.requests,
          wallSeconds: Math.round(r.seconds * 100) / 100,
          error6: r.stats.errors['6'] ?? 0,
          duplicates: r.stats.delivered - RECIPIENTS,
          maxPerRecipient: r.stats.maxPerPeer,
          processesThatSent: r.holders,
        }),
      );
    }
    return out;
  } finally {
    fake.stop();
  }
}
