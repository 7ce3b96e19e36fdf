/**
 * «Who is stuck where» (`#/admin/campaign/:id/stats/stuck[/:stage]?hours=N`), opened from a campaign's funnel on the
 * statistics page: the stages with their counts, and one stage's people. Its own lazy chunk inside the office.
 */
import { PANELS, useRouteQuery } from '../../routes.ts';
import { NotFound } from '../../screens/NotFoundPanel.tsx';
import { useRouteId } from '../../use-route-id.ts';
import { useRouteParam } from '../../use-route-param.ts';
import { StuckList } from './StuckList.tsx';
import { StuckStages } from './StuckStages.tsx';
import { stuckHoursOf } from './stuck-api.ts';

export default function StuckPanel({ panel }: { panel: string }) {
  const campaignId = useRouteId();
  const stage = useRouteParam('stage');
  const hours = stuckHoursOf(useRouteQuery().get('hours'));
  if (!campaignId) return <NotFound />;
  if (panel === PANELS.adminStuckStage) {
    return stage ? <StuckList campaignId={campaignId} stage={stage} hours={hours} /> : <NotFound />;
  }
  return <StuckStages campaignId={campaignId} hours={hours} />;
}
