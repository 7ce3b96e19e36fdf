/**
 * @module What the broadcast benches share: the fake VK API in a process of its own, a database seeded with consents
 * and outbox rows, and the steady rate read from the fake's arrival times.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Db } from '../../server/db/client.ts';
import { schema } from '../../server/db/client.ts';
import { inTransaction } from '../../server/db/transactions.ts';
import { enqueue, type OutboxDraft } from '../../server/mailing/outbox.ts';

export const GROUP = 1;
export const FIRST_USER = 5_000_000;
export const RPS = 20;

export interface FakeStats {
  delivered: number;
  maxPerPeer: number;
  errors: Record<string, number>;
  requests: number;
  at: number[];
}

export async function startFake(count: number) {
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

/** Consents for every recipient and the drafts as outbox rows, in one transaction. */
export async function seedOutbox(db: Db, drafts: OutboxDraft[]): Promise<void> {
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
}

/**
 * Steady state, as VK's limit is a rate: requests per second from the 21st arrival to the last (the first second
 * could be a burst of 20 under a sliding window), times the recipients each request carried. The sender keeps a
 * 50.5 ms beat and catches up to 3 missed beats after a pause, so a window that opens just after a pause can read up
 * to 3 beats short (≈ 1.7% over 180 intervals, a ratio up to ~1.007); a long run tends to 1000/1010.
 */
export function steadyMessagesPerSecond(stats: FakeStats, recipients: number): number {
  const at = stats.at;
  const steady = (at.length - 1 - RPS) / (((at[at.length - 1] ?? 0) - (at[RPS] ?? 0)) / 1000);
  return steady * (recipients / stats.requests);
}

/** A broadcast draft for recipient `i` (identical texts share one `peer_ids` call per 100). */
export const draft = (i: number, text: string): OutboxDraft => ({
  dedupeKey: `bench:${text}:${i}`,
  kind: 'broadcast',
  vkGroupId: GROUP,
  vkUserId: FIRST_USER + i,
  channel: 'message',
  text,
});
