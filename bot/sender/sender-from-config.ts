/**
 * @module Wires the outbox sender, one run per token holder (community-senders.ts): each community it sends messages
 * as, with the token the agency stored in the office, else `VK_GROUP_TOKEN` (`communitySending`), and each VK app it
 * sends notifications for, with the service token the agency stored for the app, else `VK_SERVICE_TOKEN` for the
 * configured app (`appSending`, decision 090). A token is looked up before each claim, so a replaced token is used by
 * the next send and a switched-off brand sends nothing; each token has its own lease and rate gate (token-turn.ts) and
 * vk-io client pointed at `VK_API_BASE_URL`.
 */
import type { Config } from '../../server/config.ts';
import type { Db } from '../../server/db/client.ts';
import type { MessageChannel } from '../../server/mailing/outbox-claim.ts';
import type { OutboxScope } from '../../server/mailing/outbox-scope.ts';
import {
  appSending,
  communitySending,
  sendingApps,
  sendingCommunities,
} from '../../server/office/agency/agency-secrets.ts';
import { processLeaseMs } from '../bot-settings.ts';
import { createBotVkApi } from '../vk-client.ts';
import { type SenderKey, sendForCommunities } from './community-senders.ts';
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
 * A channel whose token is read (and opened) by `read` before every claim, never remembered; only the vk-io client
 * and the turn made for a token are kept, keyed by the token itself.
 */
function storedTokenChannel(
  read: () => Promise<{ token: string | undefined; switchedOff: boolean }>,
  make: (token: string) => SenderChannel,
): ChannelSource {
  let last: { token: string; channel: SenderChannel } | undefined;
  return {
    async current() {
      let token: string | undefined;
      try {
        const now = await read();
        if (now.switchedOff) return 'withheld';
        token = now.token;
      } catch (err) {
        // The database busy: send nothing now, look again next turn (a token no key opens is none, agency-secrets.ts).
        console.error('sender: the token to send with could not be read:', (err as Error).message);
        return undefined;
      }
      if (!token) return undefined;
      if (last?.token !== token) last = { token, channel: make(token) };
      return last.channel;
    },
  };
}

/**
 * The channel of a run's scope: a community's messages with its token at `VK_GROUP_API_RPS`, or a VK app's
 * notifications with its service token at `VK_SERVICE_API_RPS`. `coldStartMs`: a new process waits a second before
 * its first call (see RateGate).
 */
export function senderChannels(
  db: Db,
  config: Config,
  scope: OutboxScope,
  run: Pick<SenderRun, 'coldStartMs' | 'log'> = {},
): Partial<Record<MessageChannel, SenderChannel | ChannelSource>> {
  const make = (token: string, rps: number): SenderChannel => {
    const turn = turnFor(db, config, token, rps, run.coldStartMs ?? 0);
    turn.log = run.log;
    return { api: createBotVkApi({ token, baseUrl: config.VK_API_BASE_URL, rps }), turn, window: rps };
  };
  const deps = { db, config };
  if ('vkGroupId' in scope) {
    const read = () => communitySending(deps, scope.vkGroupId);
    return { message: storedTokenChannel(read, (token) => make(token, config.VK_GROUP_API_RPS)) };
  }
  const read = () => appSending(deps, scope.vkAppId);
  return { notification: storedTokenChannel(read, (token) => make(token, config.VK_SERVICE_API_RPS)) };
}

/** A run's scope from its key (community-senders.ts): `community:<vk group id>` or `app:<vk app id>`. */
function scopeOf(config: Config, key: SenderKey): OutboxScope {
  const [kind, id] = key.split(':');
  if (kind === 'app') return { vkAppId: Number(id), configured: Number(id) === config.VK_APP_ID };
  return { vkGroupId: Number(id) };
}

/** How long a long-running sender waits before it starts again after an error (the database gone for a moment). */
export const SENDER_RESTART_MS = 2000;

/**
 * Runs the sender for every token holder this process can send with (community-senders.ts): the configured
 * `VK_GROUP_ID` and each community whose token the agency stored in the office (decision 078), and the configured
 * `VK_APP_ID` (with `VK_SERVICE_TOKEN`) and each VK app whose service token the agency stored (decision 090), looked at
 * again every idle turn (`idleMs`).
 * @example await sendOutbox(db, config, Date.now, { once: true })
 */
export async function sendOutbox(db: Db, config: Config, now: () => number, run: SenderRun): Promise<SenderProgress> {
  if (config.VK_GROUP_ID === undefined) throw new Error('VK_GROUP_ID is required to send messages');
  const log = run.log ?? ((line: string) => console.error(line));
  const deps = { db, config };
  return sendForCommunities(
    {
      holders: async (): Promise<SenderKey[]> => [
        ...(await sendingCommunities(deps)).map((g): SenderKey => `community:${g}`),
        ...(await sendingApps(deps)).map((a): SenderKey => `app:${a}`),
      ],
      send: (key, one) => sendHolder(db, config, now, scopeOf(config, key), { ...run, ...one }),
    },
    { once: run.once, signal: run.signal, onProgress: run.onProgress, lookMs: run.idleMs ?? 1000, log },
  );
}

/**
 * Runs the sender for one token holder. Running on (not `once`), an error does not end it: a database restart or
 * failover fails the run's statements (claimed rows stay claimed and come back after their lease, with the same
 * `random_id`), and the run starts again after `SENDER_RESTART_MS` — otherwise every bot process stopped sending at
 * the same moment and the outbox stalled until someone restarted them (found from outside).
 */
async function sendHolder(
  db: Db,
  config: Config,
  now: () => number,
  scope: OutboxScope,
  run: SenderRun,
): Promise<SenderProgress> {
  // Said with the holder: one process holds the leases of several communities' and apps' tokens.
  const who = 'vkGroupId' in scope ? `community ${scope.vkGroupId}` : `app ${scope.vkAppId}`;
  const log = run.log && ((line: string) => run.log?.(`${line} · ${who}`));
  for (;;) {
    try {
      return await sendOnce(db, config, now, scope, { ...run, log });
    } catch (err) {
      if (run.once || run.signal?.aborted) throw err;
      (log ?? console.error)(`sender: stopped by an error, starting again shortly: ${(err as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, SENDER_RESTART_MS));
    }
  }
}

function sendOnce(
  db: Db,
  config: Config,
  now: () => number,
  scope: OutboxScope,
  run: SenderRun,
): Promise<SenderProgress> {
  // Field by field, no spread: an option left undefined must not overwrite a configured value.
  return runSender({
    db,
    now,
    channels: senderChannels(db, config, scope, run),
    scope,
    leaseMs: config.OUTBOX_LEASE_MS,
    once: run.once,
    drainWaitMs: run.drainWaitMs,
    idleMs: run.idleMs,
    onProgress: run.onProgress,
    signal: run.signal,
  });
}
