/**
 * @module Wires the outbox sender from configuration: the community token (messages) and the service token
 * (notifications), each with its own lease and rate gate (token-turn.ts) and vk-io client pointed at `VK_API_BASE_URL`.
 */
import type { Config } from '../../server/config.ts';
import type { Db } from '../../server/db/client.ts';
import type { MessageChannel } from '../../server/mailing/outbox-claim.ts';
import { processLeaseMs } from '../bot-settings.ts';
import { createBotVkApi } from '../vk-client.ts';
import { runSender, type SenderChannel, type SenderOptions, type SenderProgress } from './outbox-sender.ts';
import { TokenTurn } from './token-turn.ts';

/** What one run of the sender may choose; the lease is configuration (`OUTBOX_LEASE_MS`), never a run option. */
export type SenderRun = Pick<SenderOptions, 'once' | 'drainWaitMs' | 'idleMs' | 'onProgress' | 'signal'> & {
  coldStartMs?: number;
  /** Told when this process starts or stops sending with a token (it holds the token's lease, or no longer). */
  log?: (line: string) => void;
};

/**
 * One turn (lease and gate) per database, token and API address in this process: concurrent and consecutive runs
 * share the token's pace and its lease.
 */
const turns = new WeakMap<Db, Map<string, TokenTurn>>();

function turnFor(db: Db, config: Config, token: string, rps: number, coldStartMs: number): TokenTurn {
  const key = `${config.VK_API_BASE_URL} ${token}`;
  const ofDb = turns.get(db) ?? new Map<string, TokenTurn>();
  turns.set(db, ofDb);
  let turn = ofDb.get(key);
  if (!turn) {
    turn = new TokenTurn({
      db,
      token,
      baseUrl: config.VK_API_BASE_URL,
      rps,
      leaseMs: processLeaseMs(config),
      coldStartMs,
    });
    ofDb.set(key, turn);
  }
  return turn;
}

/** `coldStartMs`: a new process waits a second before its first call (see RateGate). */
export function senderChannels(
  db: Db,
  config: Config,
  coldStartMs = 0,
): Partial<Record<MessageChannel, SenderChannel>> {
  const channels: Partial<Record<MessageChannel, SenderChannel>> = {};
  const make = (token: string, rps: number): SenderChannel => ({
    api: createBotVkApi({ token, baseUrl: config.VK_API_BASE_URL, rps }),
    turn: turnFor(db, config, token, rps, coldStartMs),
    window: rps,
  });
  if (config.VK_GROUP_TOKEN) channels.message = make(config.VK_GROUP_TOKEN, config.VK_GROUP_API_RPS);
  if (config.VK_SERVICE_TOKEN) channels.notification = make(config.VK_SERVICE_TOKEN, config.VK_SERVICE_API_RPS);
  return channels;
}

/**
 * Runs the sender for the configured community.
 * @example await sendOutbox(db, config, Date.now, { once: true })
 */
export function sendOutbox(db: Db, config: Config, now: () => number, run: SenderRun): Promise<SenderProgress> {
  if (config.VK_GROUP_ID === undefined) throw new Error('VK_GROUP_ID is required to send messages');
  // Field by field, no spread: an option left undefined must not overwrite a configured value.
  const channels = senderChannels(db, config, run.coldStartMs);
  for (const ch of Object.values(channels)) ch.turn.log = run.log;
  return runSender({
    db,
    now,
    channels,
    groupId: config.VK_GROUP_ID,
    appId: config.VK_APP_ID,
    leaseMs: config.OUTBOX_LEASE_MS,
    once: run.once,
    drainWaitMs: run.drainWaitMs,
    idleMs: run.idleMs,
    onProgress: run.onProgress,
    signal: run.signal,
  });
}
