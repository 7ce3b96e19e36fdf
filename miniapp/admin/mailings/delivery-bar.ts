/**
 * What a broadcast's bar shows: the share of its recipients VK took the message for, never the share of messages
 * decided. Before, a broadcast stopped half-way (the agency switched the brand off) read 100% with "отправлено 2 из 5"
 * under it, and a manager took 100% for "everyone got it" (decision 069). Closed or failed messages are not delivered:
 * once nothing is left to send, a bar short of everyone turns negative, a full one positive.
 */
import type { Broadcast, MessageStats } from './mailing-api.ts';

export interface DeliveryBar {
  /** Whole percent delivered, rounded down: 199 of 200 reads 99%, not 100%. */
  percent: number;
  delivered: number;
  /** Recipients the broadcast was written for (a holdout is never sent, so not counted). */
  total: number;
  appearance: 'accent' | 'positive' | 'negative';
}

/**
 * @example deliveryBar({ status: 'cancelled' }, { total: 5, byStatus: { sent: 2, cancelled: 3 } }) // 40%, negative
 */
export function deliveryBar(
  broadcast: Pick<Broadcast, 'status'>,
  stats: Pick<MessageStats, 'total' | 'byStatus'>,
): DeliveryBar {
  const delivered = stats.byStatus.sent ?? 0;
  const total = stats.total - (stats.byStatus.holdout ?? 0);
  const percent = total > 0 ? Math.floor((delivered / total) * 100) : 0;
  const open = (stats.byStatus.queued ?? 0) + (stats.byStatus.sending ?? 0);
  const over = broadcast.status === 'cancelled' || (broadcast.status === 'enqueued' && open === 0);
  const appearance = !over || total === 0 ? 'accent' : delivered === total ? 'positive' : 'negative';
  return { percent, delivered, total, appearance };
}
