/** The first screen: the community's campaigns, and the brand office entry for community admins. */
import { Icon28DoorArrowRightOutline, Icon28GiftOutline, Icon28SettingsOutline } from '@vkontakte/icons';
import { Group, Header, Panel, PanelHeader, Placeholder, SimpleCell } from '@vkontakte/vkui';
import { useApp } from '../app-context.ts';
import { HAS_OFFICE, HAS_WEB_ENTRY } from '../build-contents.ts';
import { useRouteNavigator } from '../routes.ts';
import { useAsync } from '../use-async.ts';
import { campaignSubtitle } from './CampaignBadge.tsx';
import { LoadState } from './LoadState.tsx';
import { webEntryMessages } from './web-sign-in/i18n-web-entry.ts';

export function HomePanel({ id }: { id: string }) {
  const { api, t, language, platform } = useApp();
  const webSession = HAS_WEB_ENTRY ? platform.webSession : undefined;
  const navigator = useRouteNavigator();
  // Drawn at once from the answers the page already holds (miniapp/boot/), if it does; otherwise loaded.
  const state = useAsync(
    () => Promise.all([api.campaigns(), api.me()]),
    [api],
    true,
    () => {
      const embedded = api.pageHome();
      return embedded && ([embedded.campaigns, embedded.me] as const);
    },
  );
  return (
    <Panel id={id}>
      <PanelHeader>{t.appTitle}</PanelHeader>
      <LoadState state={state}>
        {([campaigns, me]) => (
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
            {HAS_OFFICE && me.viewerGroupRole === 'admin' && (
              <Group>
                <SimpleCell
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
                  {webEntryMessages[language].webSignOut}
                </SimpleCell>
              </Group>
            )}
          </>
        )}
      </LoadState>
    </Panel>
  );
}
