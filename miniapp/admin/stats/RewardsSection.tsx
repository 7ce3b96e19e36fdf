/** Rewards issued per day and per reward, the stock left, and how the prize calendar's moments went. */
import { Group, Header, SimpleCell } from '@vkontakte/vkui';
import { useApp } from '../../app-context.ts';
import { fill } from '../../i18n-fill.ts';
import { statsStrings } from '../i18n-stats.ts';
import type { StatsResponse } from './stats-api.ts';
import { formatInt } from './stats-format.ts';
import { UplotChart } from './UplotChart.tsx';

export function RewardsCharts({ data }: { data: StatsResponse<'rewards'> }) {
  const { language } = useApp();
  const s = statsStrings(language);
  const n = (v: number) => formatInt(v, language);
  const title = (campaignId: number, key: string) =>
    data.rewards.find((r) => r.campaignId === campaignId && r.rewardKey === key)?.title ?? key;
  return (
    <>
      <UplotChart
        testId="stats-rewards-chart"
        label={s.issuedPerDay}
        bars
        height={160}
        x={{ kind: 'time', days: data.days.map((d) => d.day) }}
        series={[{ label: s.issued, color: 'green', values: data.days.map((d) => d.issued) }]}
      />
      {data.rewards.map((reward) => (
        <SimpleCell
          key={`${reward.campaignId}:${reward.rewardKey}`}
          multiline
          data-testid={`stats-reward-${reward.campaignId}-${reward.rewardKey}`}
          data-issued={reward.issued}
          data-issued-total={reward.issuedTotal}
          data-stock={reward.stock ?? ''}
          data-stock-left={reward.stockLeft ?? ''}
          subtitle={[
            fill(s.issuedLine, { n: n(reward.issued), total: n(reward.issuedTotal) }),
            reward.stock === null || reward.stockLeft === null
              ? s.unlimited
              : fill(s.stockLeft, { n: n(reward.stockLeft), of: n(reward.stock) }),
          ].join(' · ')}
        >
          {reward.title}
        </SimpleCell>
      ))}
      {data.calendar.length > 0 && (
        <Group mode="plain" header={<Header size="s">{s.calendar}</Header>}>
          {data.calendar.map((c) => (
            <SimpleCell
              key={`${c.campaignId}:${c.rewardKey}`}
              multiline
              subtitle={fill(s.calendarLine, {
                moments: n(c.moments),
                won: n(c.won),
                missed: n(c.missed),
                upcoming: n(c.upcoming),
              })}
            >
              {title(c.campaignId, c.rewardKey)}
            </SimpleCell>
          ))}
        </Group>
      )}
    </>
  );
}
