/**
 * @module The audit entry of a published campaign's dates moved in the editor's save: filed under `launch` (decision
 * 117), as moving them needs that right (decision 116). It holds the dates alone; the save's revision, texts and all,
 * is its own entry under `campaigns`.
 */
import type { Identity } from '../../auth/identity.ts';
import type { Tx } from '../../db/transactions.ts';
import { changesNothing, recordAudit } from '../audit.ts';

type Dates = { id: number; startsAt: number; endsAt: number };

/**
 * Records `campaign.move_dates` with the start and end before and after, unless the save left both as they were.
 * @example await recordDatesMoved(tx, identity, campaign.brandId, before, after);
 */
export async function recordDatesMoved(
  tx: Tx,
  actor: Identity,
  brandId: number,
  before: Dates,
  after: Dates,
): Promise<void> {
  const was = { startsAt: before.startsAt, endsAt: before.endsAt };
  const is = { startsAt: after.startsAt, endsAt: after.endsAt };
  if (changesNothing(was, is)) return;
  await recordAudit(tx, {
    actor,
    brandId,
    section: 'launch',
    action: 'campaign.move_dates',
    entity: 'campaign',
    entityId: after.id,
    before: was,
    after: is,
  });
}
