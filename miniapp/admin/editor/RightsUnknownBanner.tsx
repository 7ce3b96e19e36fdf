/**
 * When the office's access request (`GET /api/admin/office`) failed in the editor: the member's rights are unknown,
 * so the editor treats them as «may not launch» (start, end, zone and status locked; use-campaign-draft.ts
 * `datesLockedFor`) and says so, with the reason and the office's Retry for a failed load, which asks again. Before,
 * unknown rights left the dates editable, and a save of a moved date met the server's 403 (decision 116).
 */
import { Button } from '@vkontakte/vkui';
import type { AsyncState } from '../../use-async.ts';
import { InsetBanner } from '../InsetBanner.tsx';
import { refusalText } from '../refusal-text.ts';
import { useOffice } from '../use-office.ts';

export function RightsUnknownBanner({ failed }: { failed: Extract<AsyncState<unknown>, { status: 'error' }> }) {
  const { t, language } = useOffice();
  return (
    <InsetBanner
      mode="tint"
      role="alert"
      title={t.rightsUnknownTitle}
      subtitle={`${t.rightsUnknownText} ${refusalText(failed.error, language)}`}
      data-testid="office-rights-unknown"
      actions={
        <Button size="m" mode="primary" onClick={failed.retry} data-testid="office-rights-retry">
          {t.retry}
        </Button>
      }
    />
  );
}
