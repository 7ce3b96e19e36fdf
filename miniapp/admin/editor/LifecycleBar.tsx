/**
 * The lifecycle buttons the server allows (the document's `allowedTransitions`: publish/schedule, launch now, pause,
 * end, archive) and duplicate, each behind a confirmation. A refusal because of problems comes back as 422 `not_publishable` with
 * them, and the editor lists them. A member without the `launch` right (decision 116) gets one line instead of the
 * status buttons; the server refuses them anyway.
 */
import { Button, ButtonGroup, Div, Footnote } from '@vkontakte/vkui';
import { useState } from 'react';
import type { OfficeMessages } from '../i18n-office.ts';
import { OfficeConfirm } from '../OfficeConfirm.tsx';
import type { CampaignStatus } from '../office-api.ts';
import { useOffice } from '../use-office.ts';

type Action = CampaignStatus | 'duplicate';

/**
 * A button's words: `live` from `paused` is a resume (the server's TRANSITIONS reach `paused` only from `live`, so a
 * paused campaign has run), worded so; from a draft or a scheduled campaign it is a first launch.
 */
export function transitionWords(
  from: CampaignStatus,
  to: CampaignStatus,
  t: OfficeMessages,
): { label: string; confirm: string } {
  const key = from === 'paused' && to === 'live' ? 'resume' : to;
  return { label: t[`to_${key}`], confirm: t[`confirm_${key}`] };
}

export function LifecycleBar({
  status,
  allowed,
  busy,
  launchNote,
  mayLaunch,
  onTransition,
  onDuplicate,
}: {
  /** The campaign's status now. */
  status: CampaignStatus;
  /** The statuses the server says the campaign may move to now. */
  allowed: readonly CampaignStatus[];
  busy: boolean;
  /** Said beside the question of a move to `live` (the calendar's first prize moment is on a later day). */
  launchNote?: string | undefined;
  /** Whether the member holds `launch` for the campaign's brand; undefined until the office's access answer arrives. */
  mayLaunch: boolean | undefined;
  onTransition: (to: CampaignStatus) => void;
  onDuplicate: () => void;
}) {
  const { t } = useOffice();
  const [asking, setAsking] = useState<Action | null>(null);
  const run = (action: Action) => (action === 'duplicate' ? onDuplicate() : onTransition(action));
  const words = (to: CampaignStatus) => transitionWords(status, to, t);
  return (
    <Div>
      <ButtonGroup mode="horizontal" gap="s" stretched style={{ flexWrap: 'wrap' }}>
        {(mayLaunch ? allowed : []).map((to) => (
          <Button
            key={to}
            size="m"
            mode={to === 'live' || to === 'scheduled' ? 'primary' : 'secondary'}
            appearance={to === 'ended' || to === 'archived' ? 'negative' : 'accent'}
            disabled={busy}
            onClick={() => setAsking(to)}
            data-testid={`office-to-${to}`}
          >
            {words(to).label}
          </Button>
        ))}
        <Button
          size="m"
          mode="tertiary"
          disabled={busy}
          onClick={() => setAsking('duplicate')}
          data-testid="office-duplicate"
        >
          {t.duplicate}
        </Button>
      </ButtonGroup>
      {mayLaunch === false && allowed.length > 0 && (
        <Footnote
          style={{ marginTop: 8, color: 'var(--vkui--color_text_secondary)' }}
          data-testid="office-launch-needs-right"
        >
          {t.launchNeedsRight}
        </Footnote>
      )}
      {asking && (
        <OfficeConfirm
          onClosed={() => setAsking(null)}
          title={asking === 'duplicate' ? t.duplicate : words(asking).label}
          description={
            asking === 'duplicate'
              ? t.confirm_duplicate
              : asking === 'live' && launchNote
                ? `${words(asking).confirm} ${launchNote}`
                : words(asking).confirm
          }
          cancel={t.cancel}
          confirm={t.confirm}
          destructive={asking === 'ended' || asking === 'archived'}
          onConfirm={() => run(asking)}
          testIds={{ confirm: 'office-confirm', dismiss: 'office-confirm-dismiss' }}
        />
      )}
    </Div>
  );
}
