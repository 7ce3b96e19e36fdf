/**
 * A campaign's sections for a member who may not open its editor (`#/admin/campaign/:id/sections`): the campaign as
 * the office list shows it, then each of its sections the member's rights hold (code pools, prize calendar and draw
 * for `prizes`; leads, mailings, statistics for theirs), and apart, marked as the whole brand's, the support inbox
 * for `support` (all a member with `support` alone finds here). The office list leads here, and the `prizes` and
 * `stats` screens lead Back here (routes.ts), so such a member never lands on the editor, which would refuse them. A
 * member with `campaigns` on the campaign's brand is sent on to the editor, where these links have always been for
 * them. Lazy: never in the participant's bundle.
 */
import { Group, Header, Placeholder, SimpleCell } from '@vkontakte/vkui';
import { useEffect } from 'react';
import { Loading } from '../../Loading.tsx';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import { paths, useRouteNavigator } from '../../routes.ts';
import { LoadState } from '../../screens/LoadState.tsx';
import { NotFound } from '../../screens/NotFoundPanel.tsx';
import { useAsync } from '../../use-async.ts';
import { useRouteId } from '../../use-route-id.ts';
import { LoadStateScreen } from '../LoadStateScreen.tsx';
import type { Office } from '../office-api.ts';
import { useBrand, useOffice, useOfficeRights } from '../use-office.ts';
import { CampaignCell } from './CampaignCell.tsx';
import type { CampaignLink } from './campaign-links.ts';
import { findCampaign } from './find-campaign.ts';

/** Panel content; the shell wraps it in its `Panel`. */
export default function CampaignSectionsPanel() {
  // The one office-wide access hook; which brand's rights apply is known only once the campaign is found below.
  // Its failure is the shared error with a Retry (found from outside: a spinner for ever), and Back to the office.
  const { access } = useOfficeRights();
  if (access.status === 'ready') return <CampaignSections office={access.data} />;
  return <LoadStateScreen state={access} />;
}

function CampaignSections({ office }: { office: Office }) {
  const { t, office: calls, api, language } = useOffice();
  const navigator = useRouteNavigator();
  const campaignId = useRouteId();
  const [working] = useBrand(office);
  const state = useAsync(
    () => findCampaign(calls, api, office, campaignId ?? 0, working?.id),
    [calls, api, office, campaignId, working?.id],
    campaignId !== undefined,
  );
  const toEditor = state.status === 'ready' && state.data.kind === 'editor';
  useEffect(() => {
    // Replaced, not pushed: Back from the editor then goes where it always has (the office home).
    if (toEditor && campaignId) navigator.replace(paths.adminCampaign(campaignId));
  }, [toEditor, campaignId, navigator]);

  if (state.status === 'ready' && state.data.kind === 'none') return <NotFound />;
  const page = state.status === 'ready' && state.data.kind === 'page' ? state.data : undefined;
  const own = page?.links.filter((l) => !l.brandWide) ?? [];
  const brandWide = page?.links.filter((l) => l.brandWide) ?? [];
  return (
    <>
      <PanelHeaderWithBack back={t.back}>
        {page ? page.campaign.title[language] || page.campaign.title.ru : t.campaignSections}
      </PanelHeaderWithBack>
      {toEditor ? (
        <Loading size="l" style={{ margin: '48px 0' }} />
      ) : (
        <LoadState state={state}>
          {() =>
            page && (
              <>
                <Group>
                  <CampaignCell campaign={page.campaign} />
                </Group>
                {/* A `support` member's only way in is the brand's inbox: no "none is open to you" above it. */}
                {(own.length > 0 || brandWide.length === 0) && (
                  <Group header={<Header>{t.campaignSections}</Header>}>
                    {own.length === 0 ? (
                      <Placeholder data-testid="office-campaign-no-sections">{t.campaignNoSections}</Placeholder>
                    ) : (
                      <SectionLinks links={own} />
                    )}
                  </Group>
                )}
                {brandWide.length > 0 && (
                  <Group header={<Header>{t.campaignBrandWide}</Header>} data-testid="office-campaign-brand-wide">
                    <SectionLinks links={brandWide} />
                  </Group>
                )}
              </>
            )
          }
        </LoadState>
      )}
    </>
  );
}

function SectionLinks({ links }: { links: CampaignLink[] }) {
  const { t } = useOffice();
  const navigator = useRouteNavigator();
  return links.map((l) => (
    // Multiline: a brand-wide section's label says so and runs longer than a phone's line.
    <SimpleCell
      key={l.id}
      multiline
      chevron="always"
      data-testid={`office-section-${l.id}`}
      onClick={() => navigator.push(l.to)}
    >
      {t[l.label]}
    </SimpleCell>
  ));
}
