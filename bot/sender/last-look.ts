/**
 * @module The sender's last look at a claimed call, once its gate slot has opened and right before it goes to VK.
 * A claim takes a second's worth of calls (up to 2,000 recipients) that then wait for their slot; whatever changed
 * meanwhile — a broadcast cancelled, the brand switched off, a consent withdrawn, a rule or campaign stopped — would
 * otherwise still go out. The look asks what the claim asks (server/mailing/outbox-stale.ts) and closes those rows as
 * the claim would. Claiming fewer calls ahead would only shrink that second, never to less than the calls waiting at
 * the gate, and would turn the claim (a write transaction) into one per call; with the look, what a change cannot
 * stop is the call already at VK, whatever the claim's size.
 */
import type { Db } from '../../server/db/client.ts';
import type { SendRequest } from '../../server/mailing/outbox-claim.ts';
import { closeStaleClaims, type StaleReason } from '../../server/mailing/outbox-stale.ts';

/**
 * The call as it may still go out (its stale rows closed), or undefined when nothing of it may: all its rows were
 * closed, or the look failed — then they stay claimed and come back after the lease, looked at again by the claim.
 * @example const call = await lastLook(db, req, Date.now()); if (call) await sendRequest(api, call, ids)
 */
export async function lastLook(
  db: Db,
  req: SendRequest,
  now: number,
  onClosed?: (byReason: Partial<Record<StaleReason, number>>) => void,
): Promise<SendRequest | undefined> {
  try {
    const rows = await closeStaleClaims(db, req.rows, now, onClosed);
    if (rows.length === 0) return undefined;
    return rows.length === req.rows.length ? req : { ...req, rows };
  } catch (err) {
    console.error('sender: the last look before a call failed; the call waits for its lease', err);
    return undefined;
  }
}
