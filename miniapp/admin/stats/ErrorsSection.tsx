/** Client errors: the share of sessions that met one, per day, and the most frequent errors with their screens. */
import { Group, Header, SimpleCell } from '@vkontakte/vkui';
import { useApp } from '../../app-context.ts';
import { fill } from '../../i18n-fill.ts';
import { statsStrings } from '../i18n-stats.ts';
import type { StatsResponse } from './stats-api.ts';
import { formatInt, formatShare, screenName } from './stats-format.ts';
import { UplotChart } from './UplotChart.tsx';

export function ErrorsCharts({ data }: { data: StatsResponse<'errors'> }) {
  const { language } = useApp();
  const s = statsStrings(language);
  return (
    <>
      <SimpleCell
        multiline
        after={
          <span data-testid="stats-error-rate" data-value={data.errorRate}>
            {formatShare(data.errorRate, language)}
          </span>
        }
        subtitle={fill(s.errorsTotal, { n: formatInt(data.errors, language) })}
      >
        {s.errorRate}
      </SimpleCell>
      <UplotChart
        testId="stats-errors-chart"
        label={s.errorRatePerDay}
        percent
        height={160}
        x={{ kind: 'time', days: data.days.map((d) => d.day) }}
        series={[
          {
            label: s.errorRate,
            color: 'red',
            values: data.days.map((d) => (d.sessions > 0 ? d.sessionsWithErrors / d.sessions : null)),
          },
        ]}
      />
      {data.top.length > 0 && (
        <Group mode="plain" header={<Header size="s">{s.topErrors}</Header>}>
          {data.top.map((error) => (
            <SimpleCell
              key={`${error.screen}\u0000${error.message}`}
              multiline
              subtitle={fill(s.onScreen, {
                screen: screenName(error.screen, s),
                count: formatInt(error.count, language),
                users: formatInt(error.users, language),
              })}
            >
              {error.message}
            </SimpleCell>
          ))}
        </Group>
      )}
    </>
  );
}
