/**
 * A campaign whose end date has passed cannot go on the air (the server's `ends_in_past` at `endsAt`, and no check is
 * loosened for a paused one): it says so where the lifecycle buttons are, what to do about it, and offers the field.
 * Before, resuming such a paused campaign answered "The end is already past" in the problems list and nothing more,
 * and the brand was left to guess that the date could be moved (found from outside).
 */
import { Button } from '@vkontakte/vkui';
import { fill } from '../../i18n-fill.ts';
import { InsetBanner } from '../InsetBanner.tsx';
import type { Problem } from '../office-api.ts';
import { useOffice } from '../use-office.ts';

export function EndsInPastOffer({
  problems,
  paused,
  onChangeDate,
}: {
  problems: readonly Problem[];
  /** A paused campaign is resumed, not launched: the text names the button the brand will press. */
  paused: boolean;
  onChangeDate(): void;
}) {
  const { t } = useOffice();
  if (!problems.some((p) => p.path === 'endsAt' && p.code === 'ends_in_past')) return null;
  return (
    <InsetBanner
      mode="tint"
      role="alert"
      title={t.endsInPastTitle}
      subtitle={fill(t.endsInPastText, { button: paused ? t.to_resume : t.to_live })}
      data-testid="office-ends-in-past"
      actions={
        <Button size="m" mode="primary" onClick={onChangeDate} data-testid="office-change-end-date">
          {t.changeEndDate}
        </Button>
      }
    />
  );
}
