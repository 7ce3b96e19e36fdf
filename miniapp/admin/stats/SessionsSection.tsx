/** Sessions (split by inactivity): how many, per user, how long, and per day. */
import { Group, Header, SimpleCell } from '@vkontakte/vkui';
import { useApp } from '../../app-context.ts';
import { fill } from '../../i18n-fill.ts';
import { statsStrings } from '../i18n-stats.ts';
import { Value } from './ActivitySection.tsx';
import type { StatsResponse } from './stats-api.ts';
import { formatDuration, formatNumber } from './stats-format.ts';
import { UplotChart } from './UplotChart.tsx';

export function SessionsCharts({ data }: { data: StatsResponse<'sessions'> }) {
  const { language } = useApp();
  const s = statsStrings(language);
  const num = (n: number | null) => (n === null ? '—' : formatNumber(n, language));
  const time = (ms: number | null) => (ms === null ? '—' : formatDuration(ms, s, language));
  return (
    <>
      <SimpleCell after={<Value n={data.sessions} testId="stats-sessions-count" />}>{s.sessionsCount}</SimpleCell>
      <SimpleCell after={<Value n={data.users} testId="stats-sessions-users" />}>{s.users}</SimpleCell>
      {/* The raw numbers beside the worded ones, as Value does: what a test or a screen reader compares. */}
      <SimpleCell
        multiline
        data-testid="stats-sessions-per-user"
        data-mean={data.sessionsPerUser.mean ?? ''}
        data-median={data.sessionsPerUser.median ?? ''}
        after={`${num(data.sessionsPerUser.mean)} / ${num(data.sessionsPerUser.median)}`}
      >
        {s.perUserMean}
      </SimpleCell>
      <SimpleCell
        multiline
        data-testid="stats-sessions-length"
        data-median={data.lengthMs.median ?? ''}
        data-p90={data.lengthMs.p90 ?? ''}
        after={`${time(data.lengthMs.median)} / ${time(data.lengthMs.p90)}`}
      >
        {s.lengthMedian}
      </SimpleCell>
      <Group mode="plain" header={<Header size="s">{s.sessionsPerDay}</Header>}>
        <UplotChart
          testId="stats-sessions-chart"
          label={s.sessionsPerDay}
          x={{ kind: 'time', days: data.days.map((d) => d.day) }}
          series={[{ label: s.sessionsCount, color: 'accent', values: data.days.map((d) => d.sessions) }]}
        />
      </Group>
      <Group mode="plain" header={<Header size="s">{s.lengthBuckets}</Header>}>
        <UplotChart
          testId="stats-session-length-chart"
          label={s.lengthBuckets}
          bars
          height={180}
          x={{ kind: 'category', labels: data.lengthBuckets.map((b) => b.label) }}
          series={[{ label: s.sessionsCount, color: 'purple', values: data.lengthBuckets.map((b) => b.count) }]}
        />
      </Group>
      <Group mode="plain" header={<Header size="s">{s.perUserBuckets}</Header>}>
        <UplotChart
          testId="stats-sessions-per-user-chart"
          label={s.perUserBuckets}
          bars
          height={180}
          x={{ kind: 'category', labels: data.perUserBuckets.map((b) => b.label) }}
          series={[{ label: s.users, color: 'green', values: data.perUserBuckets.map((b) => b.count) }]}
        />
      </Group>
      <SimpleCell multiline>{fill(s.gapNote, { min: Math.round(data.gapMs / 60_000) })}</SimpleCell>
    </>
  );
}
