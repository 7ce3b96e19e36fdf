/**
 * `#/admin/campaign/:id/mailings/broadcast/:broadcastId`: `new` opens the composer, a number the broadcast's live
 * progress and results.
 */

import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';

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
  const param = useRouteParam('broadcastId');
  const id = param === 'new' ? undefined : Number(param);
  const state = useAsync(() => calls.options(), [calls], campaignId !== undefined);
  if (param !== 'new' && !(Number.isSafeInteger(id) && (id ?? 0) > 0)) return <NotFound />;
  return (
    <>
      <PanelHeaderWithBack back={t.back}>{id === undefined ? m.newBroadcast : m.progress}</PanelHeaderWithBack>
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
