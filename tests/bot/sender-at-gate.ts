/**
 * A sender stopped where a test of "what changes while it sends" needs it: the answer to its first call held at the
 * fake VK. Its rate gate lets call j + limit go only after call j was answered (bot/sender/rate-gate.ts), so exactly
 * `limit` calls go through — each handled by VK before the test goes on — and the calls claimed after them wait for
 * their slot, before their last look. A change made then comes after every call that went out and before every last
 * look still to come: what the test counts no longer depends on how fast the machine runs it (with a beat after the
 * change instead, a loaded machine left calls that had looked before the change still on their way, counted as after).
 */
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { expect } from 'vitest';
import { sendOutbox } from '../../bot/sender/sender-from-config.ts';
import type { SenderProgress } from '../../bot/sender/sender-options.ts';
import { schema } from '../../server/db/client.ts';
import type { MessageChannel } from '../../server/mailing/outbox-claim.ts';
import type { Params } from '../fakes/vk-api.ts';
import type { MessagingWorld } from './messaging-world.ts';

const { outbox } = schema;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for `done`, looking every 20 ms; the test's own timeout bounds it. */
export async function until(done: () => Promise<boolean> | boolean): Promise<void> {
  while (!(await done())) await sleep(20);
}

const METHOD: Record<MessageChannel, string> = { message: 'messages.send', notification: 'notifications.sendMessage' };
const recipients = (p: Params) => (p.peer_ids ?? p.user_ids ?? p.peer_id ?? '').split(',').filter(Boolean).map(Number);

export interface SenderAtGate {
  /** Every call that reached the fake VK, in order of arrival (one `peer_ids`/`user_ids` call each). */
  calls(): number[][];
  /** The recipients of the call whose answer is held. */
  held: number[];
  /** Lets the held answer go: the gate opens again (a second after it, as for any answer). */
  release(): void;
  /** Stops the sender and answers its totals. */
  stop(): Promise<SenderProgress>;
}

/**
 * Starts the sender on the world's queue of `channel` (rows of one text, 100 recipients a call) and resolves once it
 * stands at its gate: `limit` calls at VK (the first still unanswered, the others recorded as sent) and more claimed
 * behind them.
 */
export async function senderAtGate(w: MessagingWorld, channel: MessageChannel, limit: number): Promise<SenderAtGate> {
  const db = w.deps.db;
  // The sender's first call is the one claimed first, and a claim takes the due rows by time, then id
  // (claimRequests): the call that carries the first of them.
  const [first] = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.status, 'queued'), eq(outbox.channel, channel)))
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
    .limit(1);
  if (!first) throw new Error('nothing queued');
  const method = METHOD[channel];
  const hold = w.fake.holdAnswer(method, (p) => recipients(p).includes(first.vkUserId));
  const abort = new AbortController();
  const run = sendOutbox(db, w.config, () => w.clock.now, { once: false, signal: abort.signal, idleMs: 50 });
  const calls = () => w.fake.calls.filter((c) => c.method === method && !c.viaExecute).map((c) => recipients(c.params));
  const held = recipients(await hold.arrived);
  const rowsIn = async (status: 'sent' | 'sending') =>
    (
      await db
        .select({ n: count() })
        .from(outbox)
        .where(and(eq(outbox.status, status), inArray(outbox.channel, [channel])))
    )[0]?.n ?? 0;
  await until(async () => {
    const arrived = calls();
    if (arrived.length < limit) return false;
    // The answered ones recorded, and the sender claimed on behind the held call (claimed in halves of its window).
    const answered = arrived.reduce((n, c) => n + c.length, 0) - held.length;
    return (await rowsIn('sent')) === answered && (await rowsIn('sending')) > held.length;
  });
  // No more: call `limit + 1` waits for the held answer (had the held call not been first through the gate, more
  // would go through, and the test's count of calls after the change would say so).
  expect(calls()).toHaveLength(limit);
  return {
    calls,
    held,
    release: hold.release,
    stop: async () => {
      abort.abort();
      return run;
    },
  };
}
