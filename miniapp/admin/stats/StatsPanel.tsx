/**
 * The statistics dashboard (`#/admin/campaign/:id/stats`, `#/admin/brand/:brandId/stats`): period and platform
 * filter, the key numbers against the previous period, funnel, activity, sessions, retention, drop-off screens,
 * client errors, rewards and mailings, each measure its own request with its CSV. Lazy, with uPlot in its chunk:
 * none of it reaches a participant's download or the office's first chunk. The server checks the `stats` right on
 * every call; a refusal shows as the not-found screen, like anything the member may not see. The period and
 * platform live in the address (`?from=…&to=…&platform=…`, stats-query.ts reads them).
 */
import { Group, Header, SimpleCell } from '@vkontakte/vkui';
import { useCallback, useMemo, useState } from 'react';
import { useApp } from '../../app-context.ts';
import { fill } from '../../i18n-fill.ts';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import { PANELS, paths, useRouteNavigator, useRouteQuery } from '../../routes.ts';
import { NotFound } from '../../screens/NotFoundPanel.tsx';
import { useRouteId } from '../../use-route-id.ts';
import { useRouteParam } from '../../use-route-param.ts';
import { statsStrings } from '../i18n-stats.ts';
import { LoadStateScreen } from '../LoadStateScreen.tsx';
import { zoneLabel } from '../zoned-time.ts';
import { ActivityChart } from './ActivitySection.tsx';
import { BrandCampaigns } from './BrandCampaigns.tsx';
import { DropOffList } from './DropOffSection.tsx';
import { ErrorsCharts } from './ErrorsSection.tsx';
import { FunnelCharts } from './FunnelSection.tsx';
import { MailingsList } from './MailingsSection.tsx';
import { RetentionCharts } from './RetentionSection.tsx';
import { RewardsCharts } from './RewardsSection.tsx';
import { SessionsCharts } from './SessionsSection.tsx';
import { StatsFilters } from './StatsFilters.tsx';
import { StatsSection } from './StatsSection.tsx';
import { SummaryCards } from './SummarySection.tsx';
import type { StatsFilter, StatsResponse, StatsScope } from './stats-api.ts';
import { dayText } from './stats-format.ts';
import { shownPeriod } from './stats-period.ts';
import { statsFilterOf } from './stats-query.ts';

export default function StatsPanel({ panel }: { panel: string }) {
  const { language } = useApp();
  const s = statsStrings(language);
  const campaignId = useRouteId();
  const brandId = Number(useRouteParam('brandId'));
  const scope = useMemo<StatsScope | undefined>(() => {
    if (panel === PANELS.adminCampaignStats) return campaignId ? { kind: 'campaign', id: campaignId } : undefined;
    return Number.isSafeInteger(brandId) && brandId > 0 ? { kind: 'brand', id: brandId } : undefined;
  }, [panel, campaignId, brandId]);
  // The filter lives in the address (replaced, not pushed: Back leaves the page), so Back from the breakdown or the
  // stuck list, a reload and a shared link open the page with it; a hand-made bad one reads as the default.
  const navigator = useRouteNavigator();
  const search = useRouteQuery().toString();
  const filter = useMemo(() => statsFilterOf(new URLSearchParams(search)), [search]);
  const setFilter = (next: StatsFilter) => {
    if (!scope) return;
    const to =
      scope.kind === 'campaign' ? paths.adminCampaignStats(scope.id, next) : paths.adminBrandStats(scope.id, next);
    void navigator.replace(to);
  };
  /** The last range the server answered with: its defaults for the day inputs, its zone for the label. */
  const [answered, setAnswered] = useState<StatsResponse<'summary'>['range']>();
  // The first section's refusal stands for the page: the server's words under the page's header (OfficeWording).
  const [refusal, setRefusal] = useState<Error>();
  const refuse = useCallback((error: Error) => setRefusal((first) => first ?? error), []);
  const onSummary = useCallback((data: StatsResponse<'summary'>) => setAnswered(data.range), []);
  if (!scope) return <NotFound />;
  const title = scope.kind === 'campaign' ? s.campaignTitle : s.brandTitle;
  if (refusal) return <LoadStateScreen state={{ status: 'error', error: refusal, retry: () => {} }} title={title} />;
  const shown = shownPeriod(filter, answered);
  const common = { scope, filter, onRefused: refuse };
  return (
    <>
      <PanelHeaderWithBack back={s.back}>{title}</PanelHeaderWithBack>
      <Group header={<Header>{s.filters}</Header>}>
        <StatsFilters filter={filter} shown={answered} onChange={setFilter} />
        {shown && (
          // Worded days and the zone's name do not fit one line on a phone: wrapped, not cut with "…".
          <SimpleCell multiline data-testid="stats-range" data-from={shown.from} data-to={shown.to}>
            {fill(s.range, {
              from: dayText(shown.from, language),
              to: dayText(shown.to, language),
              tz: zoneLabel(shown.timeZone),
            })}
          </SimpleCell>
        )}
      </Group>
      <StatsSection {...common} measure="summary" title={s.summary} onData={onSummary}>
        {(data) => <SummaryCards data={data} />}
      </StatsSection>
      <StatsSection
        {...common}
        measure="funnel"
        title={s.funnel}
        isEmpty={(d) => d.funnels.every((f) => f.stages.every((st) => st.count === 0))}
      >
        {(data) => <FunnelCharts data={data} />}
      </StatsSection>
      <StatsSection
        {...common}
        measure="activity"
        title={s.activity}
        isEmpty={(d) => d.totals.activeUsers === 0 && d.totals.newParticipants === 0}
      >
        {(data) => <ActivityChart data={data} />}
      </StatsSection>
      <StatsSection {...common} measure="sessions" title={s.sessions} isEmpty={(d) => d.sessions === 0}>
        {(data) => <SessionsCharts data={data} />}
      </StatsSection>
      <StatsSection {...common} measure="retention" title={s.retention} isEmpty={(d) => d.cohorts.length === 0}>
        {(data) => <RetentionCharts data={data} />}
      </StatsSection>
      <StatsSection
        {...common}
        measure="drop-off-screens"
        title={s.dropOffScreens}
        isEmpty={(d) => d.screens.length === 0}
      >
        {(data) => <DropOffList data={data} />}
      </StatsSection>
      <StatsSection {...common} measure="errors" title={s.errors} isEmpty={(d) => d.sessions === 0}>
        {(data) => <ErrorsCharts data={data} />}
      </StatsSection>
      <StatsSection
        {...common}
        measure="rewards"
        title={s.rewards}
        isEmpty={(d) => d.rewards.length === 0 && d.calendar.length === 0}
      >
        {(data) => <RewardsCharts data={data} />}
      </StatsSection>
      <StatsSection
        {...common}
        measure="mailings"
        title={s.mailings}
        isEmpty={(d) => d.rules.length === 0 && d.broadcasts.length === 0}
      >
        {(data) => <MailingsList data={data} />}
      </StatsSection>
      {scope.kind === 'brand' && <BrandCampaigns brandId={scope.id} filter={filter} />}
    </>
  );
}
