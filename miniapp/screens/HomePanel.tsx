/**
 * The first screen: the community's campaigns, and the brand office's entry for whoever the server says may use it
 * (a brand or agency member, or a community admin who may claim the brand; decision 042).
 */
import { Icon28DoorArrowRightOutline, Icon28GiftOutline, Icon28SettingsOutline } from '@vkontakte/icons';
import { Group, Header, Panel, PanelHeader, Placeholder, SimpleCell } from '@vkontakte/vkui';
import { useApp } from '../app-context.ts';
import { HAS_OFFICE, HAS_WEB_ENTRY } from '../build-contents.ts';
import { officeAccess, opensOffice } from '../office-access.ts';
import { useRouteNavigator } from '../routes.ts';
import { useAsync } from '../use-async.ts';
import { campaignSubtitle } from './CampaignBadge.tsx';
import { LoadState } from './LoadState.tsx';
import { webEntryMessages } from './web-sign-in/i18n-web-entry.ts';

const noOffice = () => Promise.resolve(undefined as never);

export function HomePanel({ id }: { id: string }) {
  const { api, t, language, platform } = useApp();
  const webSession = HAS_WEB_ENTRY ? platform.webSession : undefined;
  const navigator = useRouteNavigator();
  // Drawn at once from the list the page already holds (miniapp/boot/), if it does; otherwise loaded.
  const state = useAsync(
    () => api.campaigns(),
    [api],
    true,
    () => api.pageHome(),
  );
  // In the page with the list where the server saw the launch (VK, OK), else asked once the list is drawn; builds
  // without the office (the iOS archive) never ask.
  const office = useAsync(HAS_OFFICE ? () => officeAccess(api) : noOffice, [api], HAS_OFFICE);
  // HAS_OFFICE first, so a build without the office drops the entry and its icon altogether.
  const officeEntry =
    HAS_OFFICE && office.status === 'ready' && (opensOffice(office.data) || office.data.communityClaim === true);
  return (
    <Panel id={id}>
      <PanelHeader>{t.appTitle}</PanelHeader>
      <LoadState state={state}>
        {(campaigns) => (
          <>
            <Group header={<Header>{t.campaigns}</Header>}>
              {campaigns.length === 0 ? (
                <Placeholder icon={<Icon28GiftOutline width={56} height={56} />} title={t.noCampaigns}>
                  {t.noCampaignsHint}
                </Placeholder>
              ) : (
                campaigns.map((c) => (
                  <SimpleCell
                    key={c.id}
                    data-testid={`campaign-${c.slug}`}
                    before={<Icon28GiftOutline />}
                    subtitle={campaignSubtitle(c, t, language)}
                    onClick={() => navigator.push(`/campaign/${c.id}`)}
                    chevron="always"
                  >
                    {c.title}
                  </SimpleCell>
                ))
              )}
            </Group>
            {officeEntry && (
              <Group>
                <SimpleCell
                  data-testid="office-entry"
                  before={<Icon28SettingsOutline />}
                  onClick={() => navigator.push('/admin')}
                  chevron="always"
                >
                  {t.manage}
                </SimpleCell>
              </Group>
            )}
            {webSession && (
              <Group>
                <SimpleCell
                  before={<Icon28DoorArrowRightOutline />}
                  data-testid="web-sign-out"
                  onClick={() => void webSession.logout().then(() => location.reload())}
                >
                  {webEntryMessages?.[language].webSignOut}
                </SimpleCell>
              </Group>
            )}
          </>
        )}
      </LoadState>
    </Panel>
  );
}
