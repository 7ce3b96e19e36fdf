/**
 * @module Long Poll with one consumer at a time across bot processes: the process holding the community's
 * `long_poll:<group>` lease polls; the others wait and start polling when it dies (one lease later) or stops (at
 * once). Two consumers for a moment (a holder paused past its lease) would only deliver an update twice, which the
 * journal's `event_id` de-duplication absorbs; the lease keeps that from being the normal case.
 */
import type { Db } from '../server/db/client.ts';
import { Lease } from '../server/leases/lease.ts';
import type { Bot } from './bot.ts';

/**
 * Polls while this process holds the community's Long Poll lease; resolves the keeper to stop (and release it).
 * @example const stop = pollInTurn(db, bot, 123, 60_000); … await stop();
 */
export function pollInTurn(
  db: Db,
  bot: Pick<Bot, 'startPolling' | 'stopPolling'>,
  groupId: number,
  leaseMs: number,
  log: (line: string) => void = (line) => console.error(line),
): () => Promise<void> {
  // Start and stop in order: a lease lost and won back quickly must not leave the transport in between states.
  let change: Promise<void> = Promise.resolve();
  const lease = new Lease({
    db,
    name: `long_poll:${groupId}`,
    leaseMs,
    onChange: (tenure) => {
      change = change
        .then(async () => {
          if (tenure) {
            await bot.startPolling();
            log(`bot: long poll started for community ${groupId} (lease fence ${tenure.fence})`);
          } else {
            await bot.stopPolling();
            log(`bot: long poll stopped for community ${groupId} (lease not held)`);
          }
        })
        .catch((err) => log(`bot: long poll ${tenure ? 'start' : 'stop'} failed: ${String(err)}`));
    },
  });
  lease.start();
  // The lease's timers do not keep a process alive; a process that runs for Long Poll must stay while it waits.
  const alive = setInterval(() => undefined, 1 << 30);
  return async () => {
    clearInterval(alive);
    await lease.stop();
    await change;
  };
}
