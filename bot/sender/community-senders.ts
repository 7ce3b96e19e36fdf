/**
 * @module One sender process for every token holder it can send with: each community it sends messages as (the
 * configured `VK_GROUP_ID` and each whose token the agency stored, decision 078) and each VK app it sends
 * notifications for (the configured `VK_APP_ID` and each whose service token is stored, decision 090). Each holder has
 * its own sender run (its rows only, its token's lease and rate gate, token-turn.ts), so the never-twice and
 * resume-after-a-crash guarantees are the ones a single run already keeps. The list is looked at again every turn: a
 * holder connected while running gets its run, one whose stored token is removed has its run stopped (calls in flight
 * recorded, the lease released).
 */
import { countSkipped, type SenderProgress } from './sender-options.ts';

/** A token holder: a community by its VK group id (its messages), or a VK app by its id (its notifications). */
export type SenderKey = `community:${number}` | `app:${number}`;

/** What the process sends with: the holders it may send for now, and one holder's run. */
export interface CommunitySenders {
  holders(): Promise<SenderKey[]>;
  /** Sends for `key` until `signal` is aborted, or (`once`) until nothing is due; starts again after its errors. */
  send(key: SenderKey, run: CommunityRun): Promise<SenderProgress>;
}

export interface CommunityRun {
  once: boolean;
  signal?: AbortSignal;
  onProgress?: (p: SenderProgress) => void;
}

export interface CommunitiesRun extends CommunityRun {
  /** How often the list of holders is looked at again while running on. */
  lookMs: number;
  log: (line: string) => void;
}

/**
 * Runs a sender for each holder and answers the totals of them all; `once`, each drains what is due and the call
 * resolves when all have (rejecting with the first failure, after the others ended).
 * @example await sendForCommunities({ holders: async () => ['community:1', 'app:51000001'], send }, { once: true, lookMs: 1000, log })
 */
export async function sendForCommunities(s: CommunitySenders, run: CommunitiesRun): Promise<SenderProgress> {
  const told = new Map<SenderKey, SenderProgress>();
  const start = (key: SenderKey, signal: AbortSignal | undefined) =>
    s
      .send(key, {
        once: run.once,
        signal,
        onProgress: run.onProgress
          ? (p) => {
              told.set(key, p);
              run.onProgress?.(sum([...told.values()]));
            }
          : undefined,
      })
      .then((p) => {
        told.set(key, p);
        return p;
      });

  if (run.once) {
    const ended = await Promise.allSettled((await s.holders()).map((k) => start(k, run.signal)));
    const failed = ended.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    return sum([...told.values()]);
  }

  const running = new Map<SenderKey, { stop: AbortController; done: Promise<unknown> }>();
  const stopping: Promise<unknown>[] = [];
  while (!run.signal?.aborted) {
    let now: SenderKey[] | undefined;
    try {
      now = await s.holders();
    } catch (err) {
      // The database busy or gone for a moment: the runs keep going as they are; looked at again next turn.
      run.log(`sender: the communities and apps to send for could not be read: ${(err as Error).message}`);
    }
    for (const key of now ?? []) {
      if (running.has(key)) continue;
      const stop = new AbortController();
      const done = start(key, stop.signal).catch((err) =>
        run.log(`sender: ${key} stopped by an error: ${(err as Error).message}`),
      );
      running.set(key, { stop, done });
    }
    for (const [key, r] of now ? running : []) {
      if (now?.includes(key)) continue;
      // Its token removed in the office: its run ends; rows it claimed are sent and recorded, the rest wait queued.
      r.stop.abort();
      stopping.push(r.done);
      running.delete(key);
    }
    await pause(run.lookMs, run.signal);
  }
  for (const r of running.values()) r.stop.abort();
  await Promise.all([...stopping, ...[...running.values()].map((r) => r.done)]);
  return sum([...told.values()]);
}

function sum(all: SenderProgress[]): SenderProgress {
  const total: SenderProgress = {
    sent: 0,
    failed: 0,
    retried: 0,
    revoked: 0,
    skipped: 0,
    skippedBy: {},
    remaining: 0,
    requests: 0,
  };
  const counts = ['sent', 'failed', 'retried', 'revoked', 'remaining', 'requests'] as const;
  for (const p of all) {
    for (const k of counts) total[k] += p[k];
    countSkipped(total, p.skippedBy);
  }
  return total;
}

/** Waits `ms`, or less when `signal` is aborted meanwhile. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done);
  });
}
