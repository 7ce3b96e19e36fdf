/** One entry of the draw in the office: who (profile link), its flags in words, and exclude (with a reason) / put back. */
import { Button, Div, FormItem, RichCell, Textarea } from '@vkontakte/vkui';
import { useState } from 'react';
import { hasVisibleText } from '../../../server/http/visible-text.ts';
import { useApp } from '../../app-context.ts';
import { withReason } from '../../i18n-reason.ts';
import type { DrawEntrantsMessages } from '../i18n-draw-entrants.ts';
import { PersonWho } from '../PersonWho.tsx';
import type { OfficeEntrant } from './draw-office-api.ts';
import { flagTexts } from './flag-text.ts';

export interface EntrantActions {
  exclude(participantId: number, reason: string): Promise<void>;
  include(participantId: number): Promise<void>;
}

export function EntrantCell({
  entrant,
  frozen,
  t,
  actions,
}: {
  entrant: OfficeEntrant;
  frozen: boolean;
  t: DrawEntrantsMessages;
  actions: EntrantActions;
}) {
  const [reason, setReason] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };
  const { language } = useApp();
  const lines = flagTexts(entrant, t, language);
  const action = frozen ? undefined : entrant.excluded ? (
    <Button size="s" mode="secondary" loading={busy} onClick={() => run(() => actions.include(entrant.participantId))}>
      {t.include}
    </Button>
  ) : reason === null ? (
    <Button size="s" mode="tertiary" appearance="negative" onClick={() => setReason('')}>
      {t.exclude}
    </Button>
  ) : undefined;
  return (
    <>
      <RichCell
        multiline
        data-testid={`office-entrant-${entrant.userId}`}
        data-flagged={lines.length > 0 ? 'yes' : 'no'}
        data-excluded={entrant.excluded ? 'yes' : 'no'}
        subtitle={lines.length > 0 ? lines.join(' · ') : undefined}
        extraSubtitle={entrant.excluded ? withReason(t.excluded, entrant.excluded.reason) : undefined}
        actions={action}
      >
        <PersonWho person={entrant} />
      </RichCell>
      {reason !== null && (
        <Div>
          <FormItem top={t.excludeReason} bottom={t.excludeReasonHint} htmlFor={`exclude-${entrant.participantId}`}>
            <Textarea
              id={`exclude-${entrant.participantId}`}
              data-testid={`office-exclude-reason-${entrant.userId}`}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </FormItem>
          <Div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            <Button
              appearance="negative"
              loading={busy}
              disabled={reason.trim().length < 3 || !hasVisibleText(reason)}
              data-testid={`office-exclude-confirm-${entrant.userId}`}
              onClick={() =>
                run(() => actions.exclude(entrant.participantId, reason.trim())).then(() => setReason(null))
              }
            >
              {t.excludeConfirm}
            </Button>
            <Button mode="secondary" onClick={() => setReason(null)}>
              {t.cancel}
            </Button>
          </Div>
        </Div>
      )}
    </>
  );
}
