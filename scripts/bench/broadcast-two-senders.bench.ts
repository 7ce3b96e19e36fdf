/**
 * Broadcast with two sender processes (`bot/main.ts --once --no-rules`, as `npm run bot` runs it) on one database,
 * against the fake VK API in a third process: the community token's lease lets one of them send at a time, so the
 * pair together should reach ≥ 0.9 of the rate VK allows one token (20 requests/s × 100 recipients), with 0
 * duplicates and 0 error 6. The database is a parameter (`BenchDatabase`): SQLite now, PostgreSQL beside it once the
 * runtime can switch by `DATABASE_URL`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { closeDatabase, type Db, openDatabase, schema } from '../../server/db/client.ts';
import {
  draft,
  type FakeStats,
  GROUP,
  RPS,
  seedOutbox,
  startFake,
  steadyMessagesPerSecond,
} from './broadcast-fixture.ts';
import { type BenchResult, result } from './types.ts';

const RECIPIENTS = 20_000;
const PROCESSES = 2;

/** Where the sender processes meet: the variables that point `npm run bot` at it, and a handle to seed and read it. */
export interface BenchDatabase {
  name: string;
  env: Record<string, string>;
  open(): Db;
  close(db: Db): void;
  dispose(): void;
}

function sqliteDatabase(): BenchDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'bench-two-senders-'));
  const path = join(dir, 'app.db');
  return {
    name: 'SQLite',
    env: { DATABASE_PATH: path },
    open: () => openDatabase(path),
    close: closeDatabase,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
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
  const drafts = Array.from({ length: RECIPIENTS }, (_, i) => draft(i, 'Одинаковый текст двум отправителям'));
  const db = database.open();
  try {
    await seedOutbox(db, drafts);
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
    const [sent] = await db.select({ n: count() }).from(schema.outbox).where(eq(schema.outbox.status, 'sent'));
    if (sent?.n !== drafts.length) throw new Error(`sent ${sent?.n} of ${drafts.length}`);
    const stats = JSON.parse(await fake.ask('stats')) as FakeStats;
    await fake.ask('reset');
    return {
      perSecond: steadyMessagesPerSecond(stats, drafts.length),
      stats,
      seconds,
      holders: runs.filter((r) => r.output.includes('sending with the token')).length,
    };
  } finally {
    database.close(db);
    database.dispose();
  }
}

export default async function (): Promise<BenchResult[]> {
  const fake = await startFake(RECIPIENTS);
  try {
    const out: BenchResult[] = [];
    for (const database of [sqliteDatabase()]) {
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
