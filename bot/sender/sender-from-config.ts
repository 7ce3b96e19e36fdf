/**
 * @module Wires the outbox sender, one run per community it sends as (community-senders.ts): the community's token
 * (messages) as the agency stored it in the office, else `VK_GROUP_TOKEN` (`communitySending`, looked up before each claim, so a replaced token is used by the next send and a
 * switched-off brand sends nothing), and the service token (notifications) from configuration; each token with its
 * own lease and rate gate (token-turn.ts) and vk-io client pointed at `VK_API_BASE_URL`.
 */
import type { Config } from '../../server/config.ts';
import type { Db } from '../../server/db/client.ts';
import type { MessageChannel } from '../../server/mailing/outbox-claim.ts';
import { communitySending, sendingCommunities } from '../../server/office/agency/agency-secrets.ts';
import { processLeaseMs } from '../bot-settings.ts';
import { createBotVkApi } from '../vk-client.ts';
import { sendForCommunities } from './community-senders.ts';
import { runSender } from './outbox-sender.ts';
import type { ChannelSource, SenderChannel } from './sender-channel.ts';
import type { SenderOptions, SenderProgress } from './sender-options.ts';
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

/**
 * The community's messages channel: the token is read (and opened) before every claim, never remembered; only the
 * vk-io client and the turn made for a token are kept, keyed by the token itself.
 */
function communityChannel(
  db: Db,
  config: Config,
  groupId: number,
  make: (token: string) => SenderChannel,
): ChannelSource {
  let last: { token: string; channel: SenderChannel } | undefined;
  return {
    async current() {
      let token: string | undefined;
      try {
        const now = await communitySending({ db, config }, groupId);
        if (now.switchedOff) return 'withheld';
        token = now.token;
      } catch (err) {
        // The database busy: send nothing now, look again next turn (a token no key opens is none, agency-secrets.ts).
        console.error('sender: the community token could not be read:', (err as Error).message);
        return undefined;
      }
      if (!token) return undefined;
      if (last?.token !== token) last = { token, channel: make(token) };
      return last.channel;
    },
  };
}

/** `coldStartMs`: a new process waits a second before its first call (see RateGate). */
export function senderChannels(
  db: Db,
  config: Config,
  groupId: number,
  run: Pick<SenderRun, 'coldStartMs' | 'log'> = {},
): Partial<Record<MessageChannel, SenderChannel | ChannelSource>> {
  const make = (token: string, rps: number): SenderChannel => {
    const turn = turnFor(db, config, token, rps, run.coldStartMs ?? 0);
    turn.log = run.log;
    return { api: createBotVkApi({ token, baseUrl: config.VK_API_BASE_URL, rps }), turn, window: rps };
  };
  const channels: Partial<Record<MessageChannel, SenderChannel | ChannelSource>> = {
    message: communityChannel(db, config, groupId, (token) => make(token, config.VK_GROUP_API_RPS)),
  };
  // The service token is the configured app's: it notifies for the configured community only (decision 078).
  if (config.VK_SERVICE_TOKEN && groupId === config.VK_GROUP_ID) {
    channels.notification = make(config.VK_SERVICE_TOKEN, config.VK_SERVICE_API_RPS);
  }
  return channels;
}

/** How long a long-running sender waits before it starts again after an error (the database gone for a moment). */
export const SENDER_RESTART_MS = 2000;

/**
 * Runs the sender for every community this process can send as (community-senders.ts, decision 078): the configured
 * `VK_GROUP_ID` (with the notifications) and each community whose token the agency stored in the office, looked at
 * again every idle turn (`idleMs`).
 * @example await sendOutbox(db, config, Date.now, { once: true })
 */
export async function sendOutbox(db: Db, config: Config, now: () => number, run: SenderRun): Promise<SenderProgress> {
  if (config.VK_GROUP_ID === undefined) throw new Error('VK_GROUP_ID is required to send messages');
  const log = run.log ?? ((line: string) => console.error(line));
  return sendForCommunities(
    {
      communities: () => sendingCommunities({ db, config }),
      send: (groupId, one) => sendCommunity(db, config, now, groupId, { ...run, ...one }),
    },
    { once: run.once, signal: run.signal, onProgress: run.onProgress, lookMs: run.idleMs ?? 1000, log },
  );
}

/**
 * Runs the sender for one community. Running on (not `once`), an error does not end it: a database restart or
 * failover fails the run's statements (claimed rows stay claimed and come back after their lease, with the same
 * `random_id`), and the run starts again after `SENDER_RESTART_MS` — otherwise every bot process stopped sending at
 * the same moment and the outbox stalled until someone restarted them (found from outside).
 */
async function sendCommunity(
  db: Db,
  config: Config,
  now: () => number,
  groupId: number,
  run: SenderRun,
): Promise<SenderProgress> {
  // Said with the community: one process now holds the leases of several communities' tokens.
  const log = run.log && ((line: string) => run.log?.(`${line} · community ${groupId}`));
  for (;;) {
    try {
      return await sendOnce(db, config, now, groupId, { ...run, log });
    } catch (err) {
      if (run.once || run.signal?.aborted) throw err;
      (log ?? console.error)(`sender: stopped by an error, starting again shortly: ${(err as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, SENDER_RESTART_MS));
    }
  }
}

function sendOnce(db: Db, config: Config, now: () => number, groupId: number, run: SenderRun): Promise<SenderProgress> {
  // Field by field, no spread: an option left undefined must not overwrite a configured value.
  return runSender({
    db,
    now,
    channels: senderChannels(db, config, groupId, run),
    groupId,
    appId: config.VK_APP_ID,
    leaseMs: config.OUTBOX_LEASE_MS,
    once: run.once,
    drainWaitMs: run.drainWaitMs,
    idleMs: run.idleMs,
    onProgress: run.onProgress,
    signal: run.signal,
  });
}
