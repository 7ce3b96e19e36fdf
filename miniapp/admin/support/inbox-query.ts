/**
 * The inbox's filters as its address keeps them (`#/admin/brand/3/support?campaign=7&status=new&q=код`): the
 * campaign, the status tab and the search. Read here, written by paths.adminSupport (routes.ts), so Back from a
 * request and a reload find the inbox as it was left. Before, only the campaign lived there: the tab and the search
 * were the screen's own state and were lost on Back (the panel is drawn afresh) and on reload.
 */
import type { InboxFilters } from '../../routes.ts';
import { TICKET_STATUSES, type TicketStatus } from './support-api.ts';

/** What the inbox shows: every field present, "" for no status (all) and no search. */
export type InboxQuery = { campaignId: number | undefined; status: TicketStatus | ''; q: string };

/** The filters the address names; anything it cannot mean (`campaign=x`, `status=closed`) is no filter. */
export function inboxQueryOf(query: URLSearchParams): InboxQuery {
  const campaign = query.get('campaign') ?? '';
  const status = query.get('status') ?? '';
  return {
    campaignId:
      /^[1-9]\d{0,15}$/.test(campaign) && Number.isSafeInteger(Number(campaign)) ? Number(campaign) : undefined,
    status: (TICKET_STATUSES as readonly string[]).includes(status) ? (status as TicketStatus) : '',
    q: query.get('q') ?? '',
  };
}

/** The address's filters for `query`, for paths.adminSupport. */
export function inboxFilters(query: InboxQuery): InboxFilters {
  return { campaign: query.campaignId, status: query.status, q: query.q };
}
