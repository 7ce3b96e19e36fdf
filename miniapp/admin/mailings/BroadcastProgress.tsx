/**
 * A broadcast's live progress and results: sent / failed / remaining with a bar of what was sent (delivery-bar.ts), the
 * messages not sent with why right under their count, errors by reason (a broadcast not sent at all says why in its
 * state, broadcast-state.ts), a stop button
 * while messages are still queued, and afterwards who opened the app and reached the goal stage. The stats route is
 * polled every second while anything is left to send (the sender is another process; polling needs no stream).
 */
import {
  Button,
  Div,
  FormStatus,
  Group,
  Header,
  MiniInfoCell,
  Progress,
  SimpleCell,
  Subhead,
  Title,
} from '@vkontakte/vkui';
import { useEffect, useState } from 'react';
import { fill } from '../../i18n-fill.ts';
import { withReason } from '../../i18n-reason.ts';
import { LoadState } from '../../screens/LoadState.tsx';
import { useAsync } from '../../use-async.ts';
import { OfficeConfirm } from '../OfficeConfirm.tsx';
import { percentText } from '../percent-text.ts';
import { refusalText } from '../refusal-text.ts';
import { stageLabel } from '../stage-label.ts';
import { broadcastState, failedReason } from './broadcast-state.ts';
import { deliveryBar } from './delivery-bar.ts';
import type { Broadcast, MessageStats } from './mailing-api.ts';
import { NotSent } from './NotSent.tsx';
import type { MailingsServices } from './use-mailings.ts';

const POLL_MS = 1000;

export function BroadcastProgress({
  services,
  broadcastId,
  timeZone,
  taskTitles,
}: {
  services: MailingsServices;
  broadcastId: number;
  /** The campaign's zone: the schedule is shown as its wall-clock time. */
  timeZone: string;
  /** The titles of the tasks the campaign's stages name: the target stage is shown in words. */
  taskTitles: Record<string, string>;
}) {
  const state = useAsync(() => services.calls.broadcast(broadcastId), [services.calls, broadcastId]);
  return (
    <LoadState state={state}>
      {(data) => <ProgressBody services={services} initial={data} timeZone={timeZone} taskTitles={taskTitles} />}
    </LoadState>
  );
}

const open = (s: MessageStats) => (s.byStatus.queued ?? 0) + (s.byStatus.sending ?? 0);

function ProgressBody({
  services,
  initial,
  timeZone,
  taskTitles,
}: {
  services: MailingsServices;
  initial: { broadcast: Broadcast; stats: MessageStats };
  timeZone: string;
  taskTitles: Record<string, string>;
}) {
  const { m, calls, language } = services;
  const [{ broadcast, stats }, setData] = useState(initial);
  const [error, setError] = useState<string>();
  const [asking, setAsking] = useState(false);
  const stop = () =>
    void calls
      .cancel(broadcast.id)
      .then(() => calls.broadcast(broadcast.id))
      .then(setData, (err: unknown) => setError(withReason(m.error, refusalText(err, language))));
  const sending = broadcast.status === 'scheduled' || (broadcast.status === 'enqueued' && open(stats) > 0);
  useEffect(() => {
    if (!sending) return;
    const timer = setInterval(() => {
      calls.broadcast(broadcast.id).then(setData, () => undefined);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [calls, broadcast.id, sending]);

  const sent = stats.byStatus.sent ?? 0;
  const failed = stats.byStatus.failed ?? 0;
  const remaining = open(stats);
  const bar = deliveryBar(broadcast, stats);
  const share = fill(m.sentShare, { sent: bar.delivered, total: bar.total });
  const state = broadcastState(m, language, { ...broadcast, sentCount: sent, openCount: remaining }, timeZone);
  return (
    <>
      <Group header={<Header subtitle={state}>{broadcast.name}</Header>}>
        <Div>
          <Title level="2" data-testid="progress-percent">
            {percentText(bar.percent / 100, language, { digits: 0 })}
          </Title>
          <Subhead data-testid="progress-share">{share}</Subhead>
          <Progress
            aria-label={share}
            value={bar.percent}
            appearance={bar.appearance}
            data-testid="progress-bar"
            data-appearance={bar.appearance}
            style={{ marginTop: 8 }}
          />
        </Div>
        <MiniInfoCell data-testid="progress-sent" after={sent}>
          {m.sent}
        </MiniInfoCell>
        <MiniInfoCell data-testid="progress-failed" after={failed}>
          {m.failed}
        </MiniInfoCell>
        <MiniInfoCell data-testid="progress-remaining" after={remaining}>
          {m.remaining}
        </MiniInfoCell>
        {(stats.byStatus.cancelled ?? 0) > 0 && <NotSent m={m} stats={stats} />}
        {error && (
          <Div>
            <FormStatus mode="error">{error}</FormStatus>
          </Div>
        )}
        {broadcast.status !== 'cancelled' && (remaining > 0 || broadcast.status === 'scheduled') && (
          <Div>
            <Button
              mode="secondary"
              appearance="negative"
              data-testid="cancel-broadcast"
              onClick={() => setAsking(true)}
            >
              {m.cancel}
            </Button>
          </Div>
        )}
        {/* VKUI's question, as the office's other irreversible actions ask (a browser confirm() may not show in a
            client's frame at all). */}
        {asking && (
          <OfficeConfirm
            onClosed={() => setAsking(false)}
            title={m.cancel}
            description={m.cancelConfirm}
            cancel={m.cancelBack}
            confirm={m.cancelYes}
            destructive
            onConfirm={stop}
            testIds={{ confirm: 'cancel-broadcast-yes', dismiss: 'cancel-broadcast-dismiss' }}
          />
        )}
      </Group>
      {Object.keys(stats.failedByReason).length > 0 && (
        <Group header={<Header>{m.errorsByReason}</Header>}>
          {Object.entries(stats.failedByReason).map(([reason, n]) => (
            <SimpleCell key={reason} multiline after={n}>
              {failedReason(m, reason)}
            </SimpleCell>
          ))}
        </Group>
      )}
      {!sending && (
        <Group header={<Header>{m.results}</Header>}>
          <MiniInfoCell after={stats.openedAfter}>{m.opened}</MiniInfoCell>
          {stats.targetStage && (
            <MiniInfoCell after={stats.treated.converted}>
              {fill(m.converted, { stage: stageLabel(stats.targetStage, language, taskTitles) })}
            </MiniInfoCell>
          )}
        </Group>
      )}
    </>
  );
}
