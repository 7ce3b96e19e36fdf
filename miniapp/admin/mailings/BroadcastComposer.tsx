/**
 * The broadcast composer: name and channel, the audience with its live count (BroadcastAudience), the message per
 * language with its link, target stage and preview (BroadcastMessage), then when to send and the buttons
 * (BroadcastScheduleAndSend; what they do: use-broadcast-send.ts). What is typed is kept as a draft until sent.
 */
import { FormItem, Group, Input, SegmentedControl } from '@vkontakte/vkui';
import { useEffect, useRef, useState } from 'react';
import { numberFormat } from '../../intl-formats.ts';
import { RestoredDraftBanner } from '../RestoredDraftBanner.tsx';
import { BroadcastAudience } from './BroadcastAudience.tsx';
import { BroadcastMessage } from './BroadcastMessage.tsx';
import { BroadcastScheduleAndSend } from './BroadcastScheduleAndSend.tsx';
import {
  type BroadcastForm,
  dropBroadcastDraft,
  EMPTY_BROADCAST,
  keepBroadcastDraft,
  type SetBroadcastField,
  takeBroadcastDraft,
} from './broadcast-draft.ts';
import type { Channel, MailingOptions } from './mailing-api.ts';
import { SendNowConfirm } from './SendNowConfirm.tsx';
import { useAudienceCount } from './use-audience-count.ts';
import { useBroadcastSend } from './use-broadcast-send.ts';
import type { MailingsServices } from './use-mailings.ts';

export function BroadcastComposer({ services, options }: { services: MailingsServices; options: MailingOptions }) {
  const { m, language, campaignId = 0 } = services;
  // What was typed here last time and not sent comes back (broadcast-draft.ts), with a word that it did.
  const [restored, setRestored] = useState(() => takeBroadcastDraft(campaignId));
  const [form, setForm] = useState<BroadcastForm>(() => restored?.form ?? EMPTY_BROADCAST);
  const { name, segment, channel } = form;
  const set: SetBroadcastField = (field, value) => setForm((f) => ({ ...f, [field]: value }));
  // Kept on each change (not on opening: a restored draft keeps the time it was last typed at).
  const opened = useRef(form);
  useEffect(() => {
    if (form !== opened.current) keepBroadcastDraft(campaignId, form);
  }, [campaignId, form]);
  const { count, counting } = useAudienceCount(services, segment, channel);
  // Counts as the language writes them («1 250», "1,250"), as the question before sending names them.
  const number = (n: number) => numberFormat(language, {}).format(n);
  const send = useBroadcastSend(services, options, form, number);
  const discard = () => {
    dropBroadcastDraft(campaignId);
    setForm(EMPTY_BROADCAST);
    setRestored(undefined);
    send.setStatus(undefined);
  };

  return (
    <>
      {restored && (
        <Group>
          <RestoredDraftBanner
            title={m.draftRestored}
            text={m.draftRestoredAt}
            keptAt={restored.keptAt}
            discard={m.draftDiscard}
            onDiscard={discard}
            testId="broadcast-draft-restored"
            discardTestId="broadcast-draft-discard"
          />
        </Group>
      )}
      <Group>
        <FormItem top={m.name} htmlFor="broadcast-name">
          <Input
            id="broadcast-name"
            data-testid="broadcast-name"
            value={name}
            onChange={(e) => set('name', e.target.value)}
          />
        </FormItem>
        <FormItem top={m.channel} bottom={m[`channelHint_${channel}`]}>
          <SegmentedControl
            value={channel}
            onChange={(v) => set('channel', v as Channel)}
            options={[
              { label: m.channel_message, value: 'message' },
              { label: m.channel_notification, value: 'notification' },
            ]}
          />
        </FormItem>
      </Group>
      <BroadcastAudience
        m={m}
        language={language}
        options={options}
        segment={segment}
        onChange={(next) => set('segment', next)}
        count={count}
        counting={counting}
        number={number}
      />
      <BroadcastMessage
        m={m}
        language={language}
        options={options}
        form={form}
        set={set}
        count={count}
        number={number}
      />
      <BroadcastScheduleAndSend
        m={m}
        options={options}
        form={form}
        set={set}
        status={send.status}
        busy={send.busy}
        onDryRun={() => void send.run('dry')}
        onSchedule={() => void send.run('schedule')}
        onSendNow={() => void send.askSendNow()}
      />
      {send.asking !== undefined && (
        <SendNowConfirm
          m={m}
          language={language}
          recipients={send.asking}
          onSend={() => void send.run('now')}
          onClosed={send.closeQuestion}
        />
      )}
    </>
  );
}
