/**
 * What the list beside the wheel promises: the odds of each sector when the odds decide the spins, or, when the prize
 * calendar decides them (`decidedBy: 'calendar'`), the prizes alone with how the calendar works, since the weights
 * then decide nothing and a percentage would be a promise the campaign does not keep.
 */
import type { CampaignState } from '../../api/client.ts';

type WheelState = NonNullable<CampaignState['wheel']>;

export interface WheelListing {
  header: 'wheelOdds' | 'wheelPrizes';
  showOdds: boolean;
  sectors: WheelState['sectors'];
  note: 'wheelCalendarNote' | 'wheelOddsMoved' | null;
}

export function wheelListing(wheel: WheelState | null | undefined): WheelListing {
  const byCalendar = wheel?.decidedBy === 'calendar';
  const sectors = (wheel?.sectors ?? []).filter((s) => !byCalendar || s.rewardKey !== null);
  const moved = (wheel?.excluded.length ?? 0) > 0;
  return {
    header: byCalendar ? 'wheelPrizes' : 'wheelOdds',
    showOdds: !byCalendar,
    sectors,
    note: byCalendar ? 'wheelCalendarNote' : moved ? 'wheelOddsMoved' : null,
  };
}
