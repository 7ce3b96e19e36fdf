/**
 * The lifecycle buttons the campaign's status allows (publish/schedule, launch now, pause, end, archive) and
 * duplicate, each behind a confirmation. A refusal because of problems comes back as 422 `not_publishable` with
 * them, and the editor lists them.
 */
import { Alert, Button, ButtonGroup, Div } from '@vkontakte/vkui';
import { useState } from 'react';
import type { CampaignStatus } from '../office-api.ts';
import { useOffice } from '../use-office.ts';
import { TRANSITIONS, type Transition } from './lifecycle.ts';

type Action = Transition | 'duplicate';

export function LifecycleBar({
  status,
  busy,
  onTransition,
  onDuplicate,
}: {
  status: CampaignStatus;
  busy: boolean;
  onTransition: (to: Transition) => void;
  onDuplicate: () => void;
}) {
  const { t } = useOffice();
  const [asking, setAsking] = useState<Action | null>(null);
  const run = (action: Action) => (action === 'duplicate' ? onDuplicate() : onTransition(action));
  return (
    <Div>
      <ButtonGroup mode="horizontal" gap="s" stretched style={{ flexWrap: 'wrap' }}>
        {TRANSITIONS[status].map((to) => (
          <Button
            key={to}
            size="m"
            mode={to === 'live' || to === 'scheduled' ? 'primary' : 'secondary'}
            appearance={to === 'ended' || to === 'archived' ? 'negative' : 'accent'}
            disabled={busy}
            onClick={() => setAsking(to)}
            data-testid={`office-to-${to}`}
          >
            {t[`to_${to}`]}
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
      {asking && (
        <Alert
          onClosed={() => setAsking(null)}
          title={asking === 'duplicate' ? t.duplicate : t[`to_${asking}`]}
          description={t[`confirm_${asking}`]}
          actions={[
            { title: t.cancel, mode: 'cancel' },
            {
              title: t.confirm,
              mode: asking === 'ended' || asking === 'archived' ? 'destructive' : 'default',
              action: () => run(asking),
              'data-testid': 'office-confirm',
            } as never,
          ]}
        />
      )}
    </Div>
  );
}
