/**
 * Broadcast throughput through the outbox sender against the fake VK API (in a second process), compared with the
 * most the fake allows a community token in steady state: 20 requests/s × 100 recipients (identical texts,
 * `peer_ids`) and 20 requests/s × 25 messages (personal texts, `execute`). Goal ≥ 0.9 of that, with no error 6.
 * Two sender processes on one database: broadcast-two-senders.bench.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sendOutbox } from '../../bot/sender/sender-from-config.ts';
import { loadConfig } from '../../server/config.ts';
import { closeDatabase, openDatabase } from '../../server/db/client.ts';
import type { OutboxDraft } from '../../server/mailing/outbox.ts';
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

const IDENTICAL = 20_000;
const PERSONAL = 5_000;

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
    await seedOutbox(db, drafts);
    const started = performance.now();
    const totals = await sendOutbox(db, config, Date.now, { once: true });
    const seconds = (performance.now() - started) / 1000;
    closeDatabase(db);
    const stats = JSON.parse(await fake.ask('stats')) as FakeStats;
    await fake.ask('reset');
    if (totals.sent !== drafts.length) throw new Error(`sent ${totals.sent} of ${drafts.length}`);
    return { perSecond: steadyMessagesPerSecond(stats, drafts.length), stats, seconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function (): Promise<BenchResult[]> {
  const fake = await startFake(IDENTICAL);
  try {
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
