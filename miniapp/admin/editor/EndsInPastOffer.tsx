/**
 * A campaign whose end date has passed cannot go on the air (the server's `ends_in_past` at `endsAt`, and no check is
 * loosened for a paused one): it says so where the lifecycle buttons are, what to do about it, and offers the field.
 * Before, resuming such a paused campaign answered "The end is already past" in the problems list and nothing more,
 * and the brand was left to guess that the date could be moved (found from outside).
 * A member without the `launch` right (decision 116) is offered only what they can do: on a published campaign, whose
 * dates are locked for them, no button that scrolled to a disabled field, but who to ask; on a draft, the field, and
 * who presses the launch button after.
 */
import { Button } from '@vkontakte/vkui';
import { fill } from '../../i18n-fill.ts';
import { InsetBanner } from '../InsetBanner.tsx';
import type { Problem } from '../office-api.ts';
import { useOffice } from '../use-office.ts';

export function EndsInPastOffer({
  problems,
  paused,
  mayLaunch,
  datesLocked,
  onChangeDate,
}: {
  problems: readonly Problem[];
  /** A paused campaign is resumed, not launched: the text names the button the brand will press. */
  paused: boolean;
  /** Whether the member holds `launch` for the brand; undefined while that is not known. */
  mayLaunch: boolean | undefined;
  /** The end date field is disabled for this member (use-campaign-draft.ts). */
  datesLocked: boolean;
  onChangeDate(): void;
}) {
  const { t } = useOffice();
  if (!problems.some((p) => p.path === 'endsAt' && p.code === 'ends_in_past')) return null;
  const button = paused ? t.to_resume : t.to_live;
  const text = mayLaunch ? t.endsInPastText : datesLocked ? t.endsInPastAskLauncher : t.endsInPastThenLauncher;
  return (
    <InsetBanner
      mode="tint"
      role="alert"
      title={t.endsInPastTitle}
      subtitle={fill(text, { button })}
      data-testid="office-ends-in-past"
      actions={
        datesLocked ? undefined : (
          <Button size="m" mode="primary" onClick={onChangeDate} data-testid="office-change-end-date">
            {t.changeEndDate}
          </Button>
        )
      }
    />
  );
}
