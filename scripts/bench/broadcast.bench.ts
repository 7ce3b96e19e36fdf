/**
 * Broadcast throughput through the outbox sender against the fake VK API (in a second process), compared with the
 * most the fake allows a community token in steady state: 20 requests/s × 100 recipients (identical texts,
 * `peer_ids`) and 20 requests/s × 25 messages (personal texts, `execute`). Goal ≥ 0.9 of that, with no error 6.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { sendOutbox } from '../../bot/sender/sender-from-config.ts';
import { loadConfig } from '../../server/config.ts';
import { closeDatabase, openDatabase, schema } from '../../server/db/client.ts';
import { inTransaction } from '../../server/db/transactions.ts';
import { enqueue, type OutboxDraft } from '../../server/mailing/outbox.ts';
import { type BenchResult, result } from './types.ts';

const GROUP = 1;
const FIRST_USER = 5_000_000;
const IDENTICAL = 20_000;
const PERSONAL = 5_000;
const RPS = 20;

interface FakeStats {
  delivered: number;
  maxPerPeer: number;
  errors: Record<string, number>;
  requests: number;
  at: number[];
}

async function startFake(count: number) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/bench/fake-vk-process.ts', `${GROUP}`, `${FIRST_USER}`, `${count}`],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout });
  const queue: string[] = [];
  const waiters: Array<(l: string) => void> = [];
  lines.on('line', (l) => {
    const w = waiters.shift();
    if (w) w(l);
    else queue.push(l);
  });
  const next = () =>
    new Promise<string>((resolve) => (queue.length ? resolve(queue.shift() as string) : waiters.push(resolve)));
  const url = await next();
  return {
    url,
    async ask(cmd: string): Promise<string> {
      child.stdin.write(`${cmd}\n`);
      return next();
    },
    stop() {
      child.stdin.end();
    },
  };
}

async function run(
  fake: Awaited<ReturnType<typeof startFake>>,
  drafts: OutboxDraft[],
): Promise<{ perSecond: number; stats: FakeStats; seconds: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-broadcast-'));
  try {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_PATH: join(dir, 'app.db'),
      VK_APP_SECRET: 'bench',
      VK_GROUP_ID: String(GROUP),
      VK_GROUP_TOKEN: `group:${GROUP}`,
      VK_API_BASE_URL: fake.url,
    });
    const db = openDatabase(config.DATABASE_PATH);
    await inTransaction(db, async (tx) => {
      for (let i = 0; i < drafts.length; i += 500) {
        await tx.insert(schema.consents).values(
          drafts.slice(i, i + 500).map((d) => ({
            vkGroupId: GROUP,
            vkUserId: d.vkUserId,
            channel: 'message' as const,
            allowed: true,
            source: 'bench',
            updatedAt: 0,
          })),
        );
      }
      await enqueue(tx, drafts, Date.now());
    });
    const started = performance.now();
    const totals = await sendOutbox(db, config, Date.now, { once: true });
    const seconds = (performance.now() - started) / 1000;
    closeDatabase(db);
    const stats = JSON.parse(await fake.ask('stats')) as FakeStats;
    await fake.ask('reset');
    if (totals.sent !== drafts.length) throw new Error(`sent ${totals.sent} of ${drafts.length}`);
    // Steady state, as VK's limit is a rate: requests per second from the 21st arrival to the last (the first second
    // could be a burst of 20 under a sliding window), times the recipients each request carried. The sender keeps a
    // 50.5 ms beat and catches up to 3 missed beats after a pause, so a window that opens just after a pause can
    // read up to 3 beats short (≈ 1.7% over 180 intervals, a ratio up to ~1.007); a long run tends to 1000/1010.
    const at = stats.at;
    const steady = (at.length - 1 - RPS) / (((at[at.length - 1] ?? 0) - (at[RPS] ?? 0)) / 1000);
    return { perSecond: steady * (drafts.length / stats.requests), stats, seconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function (): Promise<BenchResult[]> {
  const fake = await startFake(IDENTICAL);
  try {
    const draft = (i: number, text: string): OutboxDraft => ({
      dedupeKey: `bench:${text}:${i}`,
      kind: 'broadcast',
      vkGroupId: GROUP,
      vkUserId: FIRST_USER + i,
      channel: 'message',
      text,
    });
    const same = await run(
      fake,
      Array.from({ length: IDENTICAL }, (_, i) => draft(i, 'Одинаковый текст')),
    );
    const personal = await run(
      fake,
      Array.from({ length: PERSONAL }, (_, i) => draft(i, `Личный текст ${i}`)),
    );
    return [
      result({
        name: 'broadcast identical texts (peer_ids)',
        value: Math.round(same.perSecond),
        unit: 'msg/s',
        baseline: RPS * 100,
        goal: '>= 0.9',
        recipients: IDENTICAL,
        requests: same.stats.requests,
        wallSeconds: Math.round(same.seconds * 100) / 100,
        error6: same.stats.errors['6'] ?? 0,
        maxPerRecipient: same.stats.maxPerPeer,
      }),
      result({
        name: 'broadcast personal texts (execute)',
        value: Math.round(personal.perSecond),
        unit: 'msg/s',
        baseline: RPS * 25,
        goal: '>= 0.9',
        recipients: PERSONAL,
        requests: personal.stats.requests,
        wallSeconds: Math.round(personal.seconds * 100) / 100,
        error6: personal.stats.errors['6'] ?? 0,
        maxPerRecipient: personal.stats.maxPerPeer,
      }),
    ];
  } finally {
    fake.stop();
  }
}
