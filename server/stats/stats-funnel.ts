/**
 * @module The dashboard's funnel: the funnel report of server/funnel/funnel-report.ts (uniques, ordered, drop-off and
 * median time between steps) per campaign of the scope, over the range, with the platform filter. A brand shows one
 * funnel per campaign: campaigns have their own stages, so they do not add up into one.
 */
import { columnText } from '../campaigns/content-language.ts';
import { funnelReport } from '../funnel/funnel-report.ts';
import { stageTaskTitles } from '../funnel/stage-task-titles.ts';
import type { StatsFunnel } from './stats.schemas.ts';
import { header, type StatsContext } from './stats-context.ts';
import { DAY_MS } from './stats-range.ts';

/** How long after entering the funnel a participant may take to reach the next stages. */
export const FUNNEL_WINDOW_MS = 7 * DAY_MS;

/** @example const body = await statsFunnel(ctx); */
export async function statsFunnel(ctx: StatsContext): Promise<StatsFunnel> {
  const funnels: StatsFunnel['funnels'] = [];
  for (const campaign of ctx.scope.campaigns) {
    const report = await funnelReport(ctx.db, {
      campaignId: campaign.id,
      from: ctx.range.fromMs,
      to: ctx.range.toMs,
      windowMs: FUNNEL_WINDOW_MS,
      platform: ctx.platform,
    });
    funnels.push({
      campaignId: campaign.id,
      title: columnText(campaign, 'title', ctx.language),
      stages: report.stages,
      taskTitles: await stageTaskTitles(
        ctx.db,
        campaign.id,
        report.stages.map((s) => s.stage),
        ctx.language,
      ),
    });
  }
  return { ...header(ctx), windowMs: FUNNEL_WINDOW_MS, funnels };
}
