/**
 * Where the editor sends a member it was refused for (403: a member of the campaign's brand without `campaigns`).
 * A direct link to the editor (a bookmark, a colleague's message) brought a member holding `support` alone to the
 * office's not-found, though the office home's tap on the same campaign opens its sections page with the brand's
 * support inbox (found from outside). When that page has something for them, they land there, as from the home;
 * otherwise the editor says the server's refusal. No loop: the page sends on to the editor only a member whose
 * rights (asked again here) hold `campaigns`, and then this says the refusal instead.
 */
import { useEffect } from 'react';
import { ApiRequestError } from '../../api/client.ts';
import { paths, useRouteNavigator } from '../../routes.ts';
import { type AsyncState, useAsync } from '../../use-async.ts';
import { findCampaign } from '../home/find-campaign.ts';
import { officeAccessAskedAgain, useOffice } from '../use-office.ts';

/**
 * `checking` while it asks where the member may go (and while the page opens), `stay` to show the load's own state.
 * @example const wayOut = useEditorWayOut(campaignId, draft.load); if (wayOut === 'checking') …
 */
export function useEditorWayOut(campaignId: number | undefined, load: AsyncState<unknown> | undefined) {
  const services = useOffice();
  const navigator = useRouteNavigator();
  const forbidden = load?.status === 'error' && load.error instanceof ApiRequestError && load.error.status === 403;
  const found = useAsync(
    async () => {
      // Asked again: the rights this session read may be older than the refusal (a right taken away meanwhile).
      const office = await officeAccessAskedAgain(services);
      return findCampaign(services.office, services.api, office, campaignId ?? 0, undefined);
    },
    [services, campaignId],
    forbidden && campaignId !== undefined,
  );
  const toPage = forbidden && found.status === 'ready' && found.data.kind === 'page' && found.data.links.length > 0;
  useEffect(() => {
    // Replaced, not pushed: Back from the page goes where the link was opened from, never to this refusal.
    if (toPage && campaignId !== undefined) navigator.replace(paths.adminCampaignSections(campaignId));
  }, [toPage, campaignId, navigator]);
  if (!forbidden) return 'stay';
  return found.status === 'loading' || toPage ? 'checking' : 'stay';
}
