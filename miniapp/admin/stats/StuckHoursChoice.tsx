/** «At the stage for at least»: 1 h, 24 h, 3 days or 7 days, as one segmented control. */
import { Div, FormItem, SegmentedControl } from '@vkontakte/vkui';
import type { StuckMessages } from '../i18n-stuck.ts';
import { STUCK_HOURS, type StuckHours } from './stuck-api.ts';

const LABEL: Record<StuckHours, keyof StuckMessages> = { 1: 'hours1', 24: 'hours24', 72: 'hours72', 168: 'hours168' };

export function StuckHoursChoice(props: { s: StuckMessages; hours: StuckHours; onChange(hours: StuckHours): void }) {
  const { s, hours } = props;
  return (
    <FormItem top={s.atLeast} htmlFor="stuck-hours">
      <Div style={{ padding: 0 }}>
        <SegmentedControl
          id="stuck-hours"
          aria-label={s.atLeast}
          value={String(hours)}
          onChange={(v) => props.onChange(Number(v) as StuckHours)}
          options={STUCK_HOURS.map((h) => ({
            value: String(h),
            label: s[LABEL[h]],
            'data-testid': `stuck-hours-${h}`,
          }))}
          data-testid="stuck-hours"
        />
      </Div>
    </FormItem>
  );
}
