/**
 * @module Wires the outbox sender from configuration: the community token (messages) and the service token
 * (notifications), each with its own rate gate and vk-io client pointed at `VK_API_BASE_URL`.
 */
import type { Config } from '../../server/config.ts';
import type { Db } from '../../server/db/client.ts';
import type { MessageChannel } from '../../server/db/schema/messaging.ts';
import { createBotVkApi } from '../vk-client.ts';
import { runSender, type SenderChannel, type SenderOptions, type SenderProgress } from './outbox-sender.ts';
import { RateGate } from './rate-gate.ts';

/** What one run of the sender may choose; the lease is configuration (`OUTBOX_LEASE_MS`), never a run option. */
export type SenderRun = Pick<SenderOptions, 'once' | 'drainWaitMs' | 'idleMs' | 'onProgress' | 'signal'> & {
  coldStartMs?: number;
};

/** One gate per token and API address in this process, so consecutive runs share the token's pace. */
const gates = new Map<string, RateGate>();

function gateFor(baseUrl: string, token: string, rps: number, coldStartMs: number): RateGate {
  const key = `${baseUrl} ${token}`;
  let gate = gates.get(key);
  if (!gate) {
    gate = new RateGate(rps, undefined, coldStartMs);
    gates.set(key, gate);
  }
  return gate;
}

/** `coldStartMs`: a new process waits a second before its first call (see RateGate). */
export function senderChannels(config: Config, coldStartMs = 0): Partial<Record<MessageChannel, SenderChannel>> {
  const channels: Partial<Record<MessageChannel, SenderChannel>> = {};
  const make = (token: string, rps: number): SenderChannel => ({
    api: createBotVkApi({ token, baseUrl: config.VK_API_BASE_URL, rps }),
    gate: gateFor(config.VK_API_BASE_URL, token, rps, coldStartMs),
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
  return runSender({
    db,
    now,
    channels: senderChannels(config, run.coldStartMs),
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
