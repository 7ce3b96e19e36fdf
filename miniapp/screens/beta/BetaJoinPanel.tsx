/**
 * `#/beta/<token>`: a tester link. The server adds this verified launch to the campaign's test group
 * (`POST /api/beta/join`), then the campaign opens as it will look after its start. An unknown or revoked link is the
 * ordinary not-found screen.
 */
import { Panel, PanelHeader } from '@vkontakte/vkui';
import { useEffect, useState } from 'react';
import { useApp } from '../../app-context.ts';
import { Loading } from '../../Loading.tsx';
import { paths, useRouteNavigator } from '../../routes.ts';
import { useRouteParam } from '../../use-route-param.ts';
import { NotFound } from '../NotFoundPanel.tsx';

export function BetaJoinPanel({ id }: { id: string }) {
  const { api } = useApp();
  const navigator = useRouteNavigator();
  const token = useRouteParam('token');
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!token) return;
    let live = true;
    api.request<{ campaignId: number }>('POST', '/api/beta/join', { token }).then(
      ({ campaignId }) => live && navigator.replace(paths.campaign(campaignId)),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [api, navigator, token]);
  return (
    <Panel id={id}>
      {failed ? (
        <NotFound />
      ) : (
        <>
          <PanelHeader />
          <Loading size="l" />
        </>
      )}
    </Panel>
  );
}
