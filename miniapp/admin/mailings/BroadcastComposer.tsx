/**
 * The broadcast composer: name, audience (with a live count that follows the segment, debounced), channel, the
 * message per language with a warning for a language the audience speaks but has no text, the deep-link picker over
 * the campaign's real screens, a preview as VK draws it, then dry run, send now (after a question naming how many get
 * it) or schedule. Sending opens the broadcast's progress.
 */
import {
  Button,
  ButtonGroup,
  Checkbox,
  Div,
  FormItem,
  FormStatus,
  Group,
  Header,
  Input,
  NativeSelect,
  SegmentedControl,
  Textarea,
} from '@vkontakte/vkui';
import { useEffect, useRef, useState } from 'react';
import { hasVisibleText } from '../../../server/http/visible-text.ts';
import { composeKey } from '../../api/client-key.ts';
import { fill } from '../../i18n-fill.ts';
import { withReason } from '../../i18n-reason.ts';
import { numberFormat } from '../../intl-formats.ts';
import { Loading } from '../../Loading.tsx';
import { paths, useRouteNavigator } from '../../routes.ts';
import { InsetBanner } from '../InsetBanner.tsx';
import { RestoredDraftBanner } from '../RestoredDraftBanner.tsx';
import { refusalText } from '../refusal-text.ts';
import { stageLabel } from '../stage-label.ts';
import { fromWallTime, zoneLabel } from '../zoned-time.ts';
import {
  type BroadcastForm,
  dropBroadcastDraft,
  EMPTY_BROADCAST,
  keepBroadcastDraft,
  takeBroadcastDraft,
} from './broadcast-draft.ts';
import { type Channel, LANGUAGES, type Language, type MailingOptions, type NewBroadcast } from './mailing-api.ts';
import { SegmentFields } from './SegmentFields.tsx';
import { SendNowConfirm } from './SendNowConfirm.tsx';
import { useAudienceCount } from './use-audience-count.ts';
import { type MailingsServices, screenLabel } from './use-mailings.ts';
import { VkMessagePreview } from './VkMessagePreview.tsx';

export function BroadcastComposer({ services, options }: { services: MailingsServices; options: MailingOptions }) {
  const { m, calls, campaignId = 0 } = services;
  const navigator = useRouteNavigator();
  // What was typed here last time and not sent comes back (broadcast-draft.ts), with a word that it did.
  const [restored, setRestored] = useState(() => takeBroadcastDraft(campaignId));
  const [form, setForm] = useState<BroadcastForm>(() => restored?.form ?? EMPTY_BROADCAST);
  const { name, segment, channel, texts, link, targetStage, scheduleAt, ignoreQuiet } = form;
  const set = <K extends keyof BroadcastForm>(field: K, value: BroadcastForm[K]) =>
    setForm((f) => ({ ...f, [field]: value }));
  // Kept on each change (not on opening: a restored draft keeps the time it was last typed at).
  const opened = useRef(form);
  useEffect(() => {
    if (form !== opened.current) keepBroadcastDraft(campaignId, form);
  }, [campaignId, form]);
  const discard = () => {
    dropBroadcastDraft(campaignId);
    setForm(EMPTY_BROADCAST);
    setRestored(undefined);
    setStatus(undefined);
  };
  const [previewLanguage, setPreviewLanguage] = useState<Language>('ru');
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);
  const [keys] = useState(() => composeKey());
  const { count, counting } = useAudienceCount(services, segment, channel);
  // Counts as the language writes them («1 250», "1,250"), as the question before sending names them.
  const number = (n: number) => numberFormat(services.language, {}).format(n);

  // A text of only spaces, zero-width or control characters is not written (the server refuses it: blank_text).
  const written = LANGUAGES.filter((l) => hasVisibleText(texts[l]));
  const missing = count ? LANGUAGES.filter((l) => !written.includes(l) && count.byLanguage[l] > 0) : [];
  const draft = (): NewBroadcast | undefined => {
    const main = written.map((l) => texts[l].trim())[0];
    if (!hasVisibleText(name) || !main) {
      // Each blank in words: a missing text is in no one language ("Текст ()" said nothing).
      const blanks = [!hasVisibleText(name) && fill(m.required, { field: m.name }), !main && m.blankText];
      setStatus({ ok: false, text: blanks.filter(Boolean).join('. ') });
      return undefined;
    }
    const perLanguage = Object.fromEntries(written.map((l) => [l, texts[l].trim()]));
    return {
      name: name.trim(),
      segment,
      channel,
      text: main,
      texts: perLanguage,
      ...(link ? { fragment: link } : {}),
      ...(targetStage ? { targetStage } : {}),
      ...(ignoreQuiet ? { ignoreQuietHours: true } : {}),
    };
  };
  // Before "Send now": how many this very broadcast reaches, counted by the server (its dry run), asked in an Alert.
  const [asking, setAsking] = useState<number>();
  const askSendNow = async () => {
    const b = draft();
    if (!b) return;
    setBusy(true);
    try {
      setAsking((await calls.dryRun(b)).preview.withConsent);
    } catch (err) {
      setStatus({ ok: false, text: withReason(m.error, refusalText(err, services.language)) });
    } finally {
      setBusy(false);
    }
  };
  const run = async (action: 'dry' | 'now' | 'schedule') => {
    const b = draft();
    if (!b) return;
    setBusy(true);
    try {
      if (action === 'dry') {
        const r = await calls.dryRun(b);
        setStatus({
          ok: true,
          text: fill(m.dryRunResult, { count: number(r.preview.withConsent), total: number(r.preview.total) }),
        });
      } else {
        // The typed time is the campaign's wall-clock time, not the viewer's browser zone.
        const at = action === 'schedule' ? fromWallTime(scheduleAt, options.timeZone) : undefined;
        const send = at !== undefined ? { ...b, scheduledAt: at } : b;
        // One key per composed broadcast: a Send repeated after a lost answer is the one already sent, not a second.
        const r = await calls.send({ ...send, clientKey: keys.keyFor(JSON.stringify(send)) });
        keys.sent();
        dropBroadcastDraft(campaignId);
        navigator.replace(paths.adminMailingBroadcast(campaignId, r.broadcast.id));
      }
    } catch (err) {
      setStatus({ ok: false, text: withReason(m.error, refusalText(err, services.language)) });
    } finally {
      setBusy(false);
    }
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
      <Group header={<Header>{m.segment}</Header>}>
        <SegmentFields
          m={m}
          language={services.language}
          options={options}
          value={segment}
          onChange={(next) => set('segment', next)}
          withStage
        />
        <FormItem>
          <FormStatus data-testid="audience-count" mode="default">
            {counting || !count ? (
              <>
                <Loading size="s" quiet /> {m.counting}
              </>
            ) : (
              <>
                <b data-testid="audience-number">{fill(m.audience, { count: number(count.withConsent) })}</b>
                {' · '}
                {fill(m.audienceTotal, { total: number(count.total), count: number(count.withConsent) })}
              </>
            )}
          </FormStatus>
        </FormItem>
      </Group>
      <Group header={<Header>{m.message}</Header>}>
        {LANGUAGES.map((l) => (
          <FormItem key={l} top={fill(m.text, { language: m[`language_${l}`] })} htmlFor={`broadcast-text-${l}`}>
            <Textarea
              id={`broadcast-text-${l}`}
              data-testid={`broadcast-text-${l}`}
              value={texts[l]}
              onChange={(e) => set('texts', { ...texts, [l]: e.target.value })}
            />
          </FormItem>
        ))}
        {missing.map((l) => (
          <InsetBanner
            key={l}
            data-testid={`missing-${l}`}
            subtitle={fill(m.missingLanguage, {
              language: m[`language_${l}`],
              count: number(count?.byLanguage[l] ?? 0),
            })}
          />
        ))}
        <FormItem top={m.deepLink}>
          <NativeSelect data-testid="broadcast-link" value={link} onChange={(e) => set('link', e.target.value)}>
            <option value="">{m.noLink}</option>
            {options.screens.map((s) => (
              <option key={`${s.kind}:${s.key ?? ''}`} value={s.hash}>
                {screenLabel(m, s)}
              </option>
            ))}
          </NativeSelect>
        </FormItem>
        <FormItem top={m.targetStage}>
          <NativeSelect
            data-testid="target-stage"
            value={targetStage}
            onChange={(e) => set('targetStage', e.target.value)}
          >
            <option value="">{m.noTarget}</option>
            {options.stages.map((s) => (
              <option key={s} value={s}>
                {stageLabel(s, services.language, options.taskTitles)}
              </option>
            ))}
          </NativeSelect>
        </FormItem>
        <FormItem top={m.preview}>
          <SegmentedControl
            value={previewLanguage}
            onChange={(v) => setPreviewLanguage(v as Language)}
            options={LANGUAGES.map((l) => ({ label: m[`language_${l}`], value: l }))}
          />
        </FormItem>
        <Div>
          <VkMessagePreview
            channel={channel}
            language={previewLanguage}
            text={texts[previewLanguage].trim() || texts.ru.trim() || texts.en.trim()}
            link={link || undefined}
            sender={
              channel === 'message'
                ? (options.senders.message ?? m.senderCommunity)
                : (options.senders.notification ?? m.senderApp)
            }
          />
        </Div>
      </Group>
      <Group>
        <FormItem
          top={m.scheduleAt}
          htmlFor="broadcast-schedule"
          bottom={<span data-testid="schedule-zone">{fill(m.timesIn, { zone: zoneLabel(options.timeZone) })}</span>}
        >
          <Input
            id="broadcast-schedule"
            type="datetime-local"
            value={scheduleAt}
            onChange={(e) => set('scheduleAt', e.target.value)}
          />
        </FormItem>
        <FormItem>
          <Checkbox
            data-testid="ignore-quiet"
            checked={ignoreQuiet}
            onChange={(e) => set('ignoreQuiet', e.target.checked)}
          >
            {m.ignoreQuiet}
          </Checkbox>
        </FormItem>
        {status && (
          <FormItem>
            <FormStatus data-testid="composer-status" mode={status.ok ? 'default' : 'error'}>
              {status.text}
            </FormStatus>
          </FormItem>
        )}
        <Div>
          {/* One above the other: side by side, the labels were cut off on a phone ("Send n…"). */}
          <ButtonGroup mode="vertical" gap="s" stretched>
            <Button
              size="l"
              stretched
              mode="secondary"
              data-testid="dry-run"
              disabled={busy}
              onClick={() => run('dry')}
            >
              {m.dryRun}
            </Button>
            {scheduleAt ? (
              <Button size="l" stretched disabled={busy} onClick={() => run('schedule')}>
                {m.schedule}
              </Button>
            ) : (
              <Button size="l" stretched data-testid="send-now" disabled={busy} onClick={askSendNow}>
                {m.sendNow}
              </Button>
            )}
          </ButtonGroup>
        </Div>
      </Group>
      {asking !== undefined && (
        <SendNowConfirm
          m={m}
          language={services.language}
          recipients={asking}
          onSend={() => void run('now')}
          onClosed={() => setAsking(undefined)}
        />
      )}
    </>
  );
}
