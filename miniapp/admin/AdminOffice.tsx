/**
 * The brand office, lazy-loaded so a participant's bundle carries none of it. The server decides who may enter
 * (`GET /api/admin/office`); until it has said yes, nothing here names the office, and a no is shown as the ordinary
 * not-found screen.
 */
import { Group, Header, PanelHeader, PanelHeaderBack, SimpleCell } from '@vkontakte/vkui';
import { useApp } from '../app-context.ts';
import { useRouteNavigator } from '../routes.ts';
import { campaignSubtitle } from '../screens/CampaignBadge.tsx';
import { LoadState } from '../screens/LoadState.tsx';
import { NotFound } from '../screens/NotFoundPanel.tsx';
import { useAsync } from '../use-async.ts';

/** Panel content; the shell wraps it in its `Panel` so the View sees the panel id before the chunk loads. */
export default function AdminOffice() {
  const { api } = useApp();
  const access = useAsync(
    () => api.request<{ brands: unknown[] }>('GET', '/api/admin/office').then((office) => office.brands.length > 0),
    [api],
  );
  if (access.status === 'ready') return access.data ? <Office /> : <NotFound />;
  return (
    <>
      <PanelHeader />
      <LoadState state={access}>{() => null}</LoadState>
    </>
  );
}

function Office() {
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
