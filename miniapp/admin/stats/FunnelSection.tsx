/** The funnel of each campaign in scope: participants per stage as bars, with drop-off and median time per step. */
import { Group, Header, SimpleCell } from '@vkontakte/vkui';
import { useApp } from '../../app-context.ts';
import { fill } from '../../i18n-fill.ts';
import { type BreakdownFilter, paths, useRouteNavigator } from '../../routes.ts';
import { breakdownStrings } from '../i18n-breakdown.ts';
import { statsStrings } from '../i18n-stats.ts';
import { stuckStrings } from '../i18n-stuck.ts';
import { stageLabel } from '../stage-label.ts';
import type { StatsResponse } from './stats-api.ts';
import { formatInt, funnelStageSubtitle } from './stats-format.ts';
import { UplotChart } from './UplotChart.tsx';

type Funnel = StatsResponse<'funnel'>['funnels'][number];

export function FunnelCharts({ data }: { data: StatsResponse<'funnel'> }) {
  return (
    <>
      {data.funnels.map((funnel) => (
        <FunnelChart
          key={funnel.campaignId}
          funnel={funnel}
          titled={data.funnels.length > 1}
          filter={{ period: data.range, platform: data.platform ?? undefined }}
        />
      ))}
    </>
  );
}

/** `filter`: the days and platform this funnel was counted over (its answer's), which its breakdown follows. */
function FunnelChart({ funnel, titled, filter }: { funnel: Funnel; titled: boolean; filter: BreakdownFilter }) {
  const { language } = useApp();
  const s = statsStrings(language);
  const navigator = useRouteNavigator();
  const stages = funnel.stages;
  return (
    <Group mode="plain" header={titled ? <Header size="s">{fill(s.funnelOf, { title: funnel.title })}</Header> : null}>
      <UplotChart
        testId={`stats-funnel-chart-${funnel.campaignId}`}
        label={fill(s.funnelOf, { title: funnel.title })}
        bars
        x={{ kind: 'category', labels: stages.map((st) => stageLabel(st.stage, language, funnel.taskTitles)) }}
        series={[{ label: s.people, color: 'accent', values: stages.map((st) => st.count) }]}
      />
      {stages.map((stage, i) => (
        <SimpleCell
          key={stage.stage}
          multiline
          data-testid={`stats-funnel-stage-${funnel.campaignId}-${stage.stage}`}
          after={
            <span data-testid={`stats-funnel-count-${funnel.campaignId}-${stage.stage}`} data-value={stage.count}>
              {formatInt(stage.count, language)}
            </span>
          }
          subtitle={funnelStageSubtitle(stages, i, s, language)}
        >
          {stageLabel(stage.stage, language, funnel.taskTitles)}
        </SimpleCell>
      ))}
      {/* Who stands at each stage now, for how long: the list to follow up (a mailing) or to find a hard step. */}
      <SimpleCell
        chevron="always"
        multiline
        data-testid={`stats-stuck-link-${funnel.campaignId}`}
        subtitle={stuckStrings(language).openHint}
        onClick={() => void navigator.push(paths.adminStuck(funnel.campaignId))}
      >
        {stuckStrings(language).open}
      </SimpleCell>
      {/* Which launch source brings people who finish, which message variant brings them back. */}
      <SimpleCell
        chevron="always"
        multiline
        data-testid={`stats-breakdown-link-${funnel.campaignId}`}
        subtitle={breakdownStrings(language).openHint}
        onClick={() => void navigator.push(paths.adminFunnelBreakdown(funnel.campaignId, 'source', undefined, filter))}
      >
        {breakdownStrings(language).open}
      </SimpleCell>
    </Group>
  );
}
