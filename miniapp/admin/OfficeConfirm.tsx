/**
 * The office's question before an irreversible action (a campaign's lifecycle step, removing a library item, sending
 * or stopping a broadcast): VKUI's Alert with one way back and one way on. One look for all of them, and one place for
 * the close cross: VKUI's default puts it outside the Alert on a phone, where it sat on the screen's edge, cut in half
 * (decision 100 found it on "Send now"; decision 103 made every question this one).
 * @example <OfficeConfirm title={t.to_ended} description={t.confirm_ended} cancel={t.cancel} confirm={t.confirm}
 *   destructive onConfirm={end} onClosed={() => setAsking(null)} testIds={{ confirm: 'office-confirm' }} />
 */
import { Alert } from '@vkontakte/vkui';
import type { ReactNode } from 'react';

export function OfficeConfirm(p: {
  title: ReactNode;
  description?: ReactNode;
  /** The way back, also the close cross's label for a screen reader. */
  cancel: string;
  confirm: string;
  /** Worded in red: ending, archiving, removing, stopping. */
  destructive?: boolean;
  onConfirm: () => void;
  /** After the Alert has gone, whichever way it was closed. */
  onClosed: () => void;
  testIds?: { alert?: string; cancel?: string; confirm?: string; dismiss?: string };
}) {
  return (
    <Alert
      onClosed={p.onClosed}
      dismissLabel={p.cancel}
      dismissButtonMode="inside"
      dismissButtonTestId={p.testIds?.dismiss}
      title={p.title}
      description={p.description}
      data-testid={p.testIds?.alert}
      actions={[
        { title: p.cancel, mode: 'cancel', 'data-testid': p.testIds?.cancel },
        {
          title: p.confirm,
          mode: p.destructive ? 'destructive' : 'default',
          action: p.onConfirm,
          'data-testid': p.testIds?.confirm,
        },
      ]}
    />
  );
}
