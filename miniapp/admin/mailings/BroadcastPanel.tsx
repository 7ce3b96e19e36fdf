/**
 * `#/admin/campaign/:id/mailings/broadcast/:broadcastId`: `new` opens the composer, a number the broadcast's live
 * progress and results.
 */
import { PanelHeader, PanelHeaderBack } from '@vkontakte/vkui';
import { useRouteNavigator } from '../../routes.ts';
import { LoadState } from '../../screens/LoadState.tsx';
import { NotFound } from '../../screens/NotFoundPanel.tsx';
import { useAsync } from '../../use-async.ts';
import { useRouteParam } from '../../use-route-param.ts';
import { BroadcastComposer } from './BroadcastComposer.tsx';
import { BroadcastProgress } from './BroadcastProgress.tsx';
import { useMailings } from './use-mailings.ts';

export function BroadcastPanel() {
  const services = useMailings();
  const { calls, campaignId, m, t } = services;
  const navigator = useRouteNavigator();
  const param = useRouteParam('broadcastId');
  const id = param === 'new' ? undefined : Number(param);
  const state = useAsync(() => calls.options(), [calls], campaignId !== undefined);
  if (param !== 'new' && !(Number.isSafeInteger(id) && (id ?? 0) > 0)) return <NotFound />;
  return (
    <>
      <PanelHeader before={<PanelHeaderBack onClick={() => navigator.back()} label={t.back} />}>
        {id === undefined ? m.newBroadcast : m.progress}
      </PanelHeader>
      <LoadState state={state}>
        {(options) =>
          id === undefined ? (
            <BroadcastComposer services={services} options={options} />
          ) : (
            <BroadcastProgress
              services={services}
              broadcastId={id}
              timeZone={options.timeZone}
              taskTitles={options.taskTitles}
            />
          )
        }
      </LoadState>
    </>
  );
}
