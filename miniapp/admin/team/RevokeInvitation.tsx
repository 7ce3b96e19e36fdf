/**
 * Revoking a pending invitation (a brand's or the agency's): its link stops working at once and only a new invitation
 * replaces it, so it is asked first (OfficeConfirm), and while the request is on its way the button waits, so a double
 * tap sends nothing twice.
 */
import { Button } from '@vkontakte/vkui';
import { useState } from 'react';
import { label, type TeamMessages } from '../i18n-team.ts';
import { OfficeConfirm } from '../OfficeConfirm.tsx';
import type { Invitation } from './team-api.ts';

export function RevokeInvitation(props: { s: TeamMessages; inv: Invitation; onRevoke(): Promise<unknown> }) {
  const { s, inv } = props;
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const revoke = async () => {
    setBusy(true);
    try {
      await props.onRevoke();
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        mode="tertiary"
        appearance="negative"
        data-testid={`invitation-${inv.id}-revoke`}
        loading={busy}
        disabled={busy}
        onClick={() => setAsking(true)}
      >
        {s.revoke}
      </Button>
      {asking && (
        <OfficeConfirm
          onClosed={() => setAsking(false)}
          title={`${s.revoke}?`}
          description={`${label(s, 'role', inv.role)}. ${s.confirmRevoke}`}
          cancel={s.cancel}
          confirm={s.revoke}
          destructive
          onConfirm={() => void revoke()}
          testIds={{
            alert: `invitation-${inv.id}-confirm`,
            cancel: `invitation-${inv.id}-confirm-cancel`,
            confirm: `invitation-${inv.id}-confirm-revoke`,
            dismiss: `invitation-${inv.id}-confirm-dismiss`,
          }}
        />
      )}
    </>
  );
}
