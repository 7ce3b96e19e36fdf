/**
 * What the composer's buttons do: check the form (a name and a text in some language), then a dry run, a question
 * before sending now (with the server's count of that very broadcast), the send itself or the scheduling. Sending
 * opens the broadcast's progress.
 */
import { useState } from 'react';
import { hasVisibleText } from '../../../server/http/visible-text.ts';
import { composeKey } from '../../api/client-key.ts';
import { fill } from '../../i18n-fill.ts';
import { withReason } from '../../i18n-reason.ts';
import { paths, useRouteNavigator } from '../../routes.ts';
import { refusalText } from '../refusal-text.ts';
import { fromWallTime } from '../zoned-time.ts';
import { type BroadcastForm, dropBroadcastDraft } from './broadcast-draft.ts';
import { LANGUAGES, type MailingOptions, type NewBroadcast } from './mailing-api.ts';
import type { MailingsServices } from './use-mailings.ts';

export type ComposerStatus = { ok: boolean; text: string };

export function useBroadcastSend(
  services: MailingsServices,
  options: MailingOptions,
  form: BroadcastForm,
  /** A count as the office's language writes it. */
  number: (n: number) => string,
) {
  const { m, calls, campaignId = 0 } = services;
  const navigator = useRouteNavigator();
  const [status, setStatus] = useState<ComposerStatus>();
  const [busy, setBusy] = useState(false);
  const [keys] = useState(() => composeKey());
  const { name, segment, channel, texts, link, targetStage, scheduleAt, ignoreQuiet } = form;

  const draft = (): NewBroadcast | undefined => {
    // A text of only spaces, zero-width or control characters is not written (the server refuses it: blank_text).
    const written = LANGUAGES.filter((l) => hasVisibleText(texts[l]));
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
  return { status, setStatus, busy, asking, closeQuestion: () => setAsking(undefined), askSendNow, run };
}
