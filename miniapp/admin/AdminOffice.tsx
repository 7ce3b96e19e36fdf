/**
 * The brand office, lazy-loaded so a participant's bundle carries none of it. The server decides
 * what a member may see; this screen only shows what it is given.
 */
import { useRouteNavigator } from '@vkontakte/vk-mini-apps-router';
import { Group, Header, PanelHeader, PanelHeaderBack, SimpleCell } from '@vkontakte/vkui';
import { useApp } from '../app-context.ts';
import { campaignSubtitle } from '../screens/CampaignBadge.tsx';
import { LoadState } from '../screens/LoadState.tsx';
import { useAsync } from '../use-async.ts';

/** Panel content; the shell wraps it in its `Panel` so the View sees the panel id before the chunk loads. */
export default function AdminOffice() {
  const { api, t, language } = useApp();
  const navigator = useRouteNavigator();
  const state = useAsync(() => api.campaigns(), [api]);
  return (
    <>
      <PanelHeader before={<PanelHeaderBack onClick={() => navigator.back()} label={t.back} />}>
        {t.adminTitle}
      </PanelHeader>
      <LoadState state={state}>
        {(campaigns) => (
          <Group header={<Header>{t.campaigns}</Header>}>
            {campaigns.map((c) => (
              <SimpleCell key={c.id} subtitle={campaignSubtitle(c, t, language)}>
                {c.title}
              </SimpleCell>
            ))}
          </Group>
        )}
      </LoadState>
    </>
  );
}
