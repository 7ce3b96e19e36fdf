/** One pick in the office: who, verification, and the verify / replace-with-a-reason actions. */
import { Button, ButtonGroup, Div, FormItem, RichCell, Textarea } from '@vkontakte/vkui';
import { useState } from 'react';
import { hasVisibleText } from '../../../server/http/visible-text.ts';
import { fill } from '../../i18n-fill.ts';
import { withReason } from '../../i18n-reason.ts';
import type { DrawOfficeMessages } from '../i18n-draw.ts';
import { PersonWho } from '../PersonWho.tsx';
import type { OfficePick } from './draw-office-api.ts';

export interface PickActions {
  verify(pickId: number): Promise<void>;
  repick(pickId: number, reason: string): Promise<void>;
}

function verificationText(pick: OfficePick, t: DrawOfficeMessages): string | undefined {
  const v = pick.verification;
  if (!v) return undefined;
  if (v.ok) return t.verified;
  const failed = (v.checks as { taskKey: string; ok: boolean }[]).filter((c) => !c.ok).map((c) => c.taskKey);
  return fill(t.notVerified, { tasks: failed.join(', ') });
}

export function PickCell({ pick, t, actions }: { pick: OfficePick; t: DrawOfficeMessages; actions: PickActions }) {
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
  const lines = [
    verificationText(pick, t),
    pick.replacedReason ? withReason(t.replacedBecause, pick.replacedReason) : undefined,
    pick.announcedAt ? t.announced : undefined,
  ].filter(Boolean);
  const standingWinner = pick.standing && pick.role === 'winner';
  return (
    <>
      <RichCell
        multiline
        data-testid={`office-pick-${pick.position}`}
        overTitle={fill(t.pick, { position: pick.position, index: pick.entryIndex })}
        subtitle={lines.join(' · ') || undefined}
        actions={
          standingWinner && reason === null ? (
            <ButtonGroup mode="horizontal" gap="s">
              <Button size="s" mode="secondary" loading={busy} onClick={() => run(() => actions.verify(pick.id))}>
                {t.verify}
              </Button>
              <Button size="s" mode="tertiary" appearance="negative" onClick={() => setReason('')}>
                {t.repick}
              </Button>
            </ButtonGroup>
          ) : undefined
        }
      >
        <PersonWho person={pick} />
      </RichCell>
      {reason !== null && (
        <Div>
          <FormItem top={t.repickReason} bottom={t.repickReasonHint} htmlFor={`repick-${pick.id}`}>
            <Textarea id={`repick-${pick.id}`} value={reason} onChange={(e) => setReason(e.target.value)} />
          </FormItem>
          <ButtonGroup mode="horizontal" gap="m" style={{ paddingInline: 16 }}>
            <Button
              appearance="negative"
              loading={busy}
              disabled={reason.trim().length < 3 || !hasVisibleText(reason)}
              onClick={() => run(() => actions.repick(pick.id, reason.trim())).then(() => setReason(null))}
            >
              {t.repickConfirm}
            </Button>
            <Button mode="secondary" onClick={() => setReason(null)}>
              {t.cancel}
            </Button>
          </ButtonGroup>
        </Div>
      )}
    </>
  );
}
