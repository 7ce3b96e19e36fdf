/** Daily active users and new participants per day, with the period's totals. */
import { SimpleCell } from '@vkontakte/vkui';
import { useApp } from '../../app-context.ts';
import { statsStrings } from '../i18n-stats.ts';
import type { StatsResponse } from './stats-api.ts';
import { formatInt } from './stats-format.ts';
import { UplotChart } from './UplotChart.tsx';

export function ActivityChart({ data }: { data: StatsResponse<'activity'> }) {
  const { language } = useApp();
  const s = statsStrings(language);
  return (
    <>
      <UplotChart
        testId="stats-activity-chart"
        label={s.activity}
        x={{ kind: 'time', days: data.days.map((d) => d.day) }}
        series={[
          { label: s.dau, color: 'accent', values: data.days.map((d) => d.activeUsers) },
          { label: s.newParticipants, color: 'green', values: data.days.map((d) => d.newParticipants) },
        ]}
      />
      <SimpleCell after={<Value n={data.totals.activeUsers} testId="stats-activity-active" />}>{s.dau}</SimpleCell>
      <SimpleCell after={<Value n={data.totals.newParticipants} testId="stats-activity-new" />}>
        {s.newParticipants}
      </SimpleCell>
    </>
  );
}

/** An integer on the page with its raw value beside it (what a test or a screen reader compares). */
export function Value({ n, testId }: { n: number; testId: string }) {
  const { language } = useApp();
  return (
    <span data-testid={testId} data-value={n}>
      {formatInt(n, language)}
    </span>
  );
}
