/**
 * The office's call to the funnel report broken down (server/funnel/funnel.routes.ts, `GET
 * /api/admin/funnel/campaigns/{id}/report?breakdown=source|variant[&ruleId=N]`, section `stats`), the choice as the
 * address keeps it, the groups in the order the screen shows them and each group's value in words.
 */
import type { FunnelReport } from '../../../server/funnel/funnel-report.ts';
import type { ApiClient } from '../../api/client.ts';
import { fill } from '../../i18n-fill.ts';
import type { BreakdownMessages } from '../i18n-breakdown.ts';
import { launchSourceText } from '../launch-source.ts';

export type BreakdownBy = 'source' | 'variant';
export type BreakdownGroup = NonNullable<FunnelReport['breakdown']>[number];

/** Fewer people than this at the first stage: a share of them says little, and the screen says so. */
export const SMALL_GROUP = 20;

/** The address's `by`; anything else (missing, edited by hand) is the launch source. */
export const breakdownByOf = (value: string | null | undefined): BreakdownBy =>
  value === 'variant' ? 'variant' : 'source';

/**
 * The conversion window the screen asks for: the server's longest (a year). A rule writes to people stuck for days, so
 * the report's default week from the first open would not count whoever a message brought back after it.
 */
export const BREAKDOWN_WINDOW_HOURS = 366 * 24;

/**
 * @example reportPath(3, 'variant', 7)
 *   // '/api/admin/funnel/campaigns/3/report?breakdown=variant&windowHours=8784&ruleId=7'
 */
export function reportPath(campaignId: number, by: BreakdownBy, ruleId?: number): string {
  const query = new URLSearchParams({ breakdown: by, windowHours: String(BREAKDOWN_WINDOW_HOURS) });
  if (by === 'variant' && ruleId !== undefined) query.set('ruleId', String(ruleId));
  return `/api/admin/funnel/campaigns/${campaignId}/report?${query}`;
}

export const fetchBreakdown = (api: Pick<ApiClient, 'request'>, campaignId: number, by: BreakdownBy, ruleId?: number) =>
  api.request<FunnelReport>('GET', reportPath(campaignId, by, ruleId));

const entered = (g: BreakdownGroup) => g.stages[0]?.count ?? 0;
const finished = (g: BreakdownGroup) => g.stages.at(-1)?.count ?? 0;

/** Share of a group's people who reached the last stage (0–1). */
export const finishShare = (g: BreakdownGroup) => (entered(g) === 0 ? 0 : finished(g) / entered(g));

/**
 * The groups as the screen lists them: the most people brought to the finish first (what a source or a message is
 * for), then the most people entered, then the value — so «no source» or «no message» stands where its numbers put it.
 * @example rankGroups([{ value: 'a', stages: [10, 1] }, { value: 'b', stages: [5, 3] }]) // b, then a
 */
export function rankGroups(groups: readonly BreakdownGroup[]): BreakdownGroup[] {
  return [...groups].sort(
    (a, b) =>
      finished(b) - finished(a) || entered(b) - entered(a) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
  );
}

/**
 * A group's value in words: a launch source by launch-source.ts; a variant by its key, the holdout and the people
 * the rule never messaged by what they are.
 * @example groupText('variant', 'holdout', s, 'en') // 'Holdout (deliberately sent nothing)'
 */
export function groupText(by: BreakdownBy, value: string, s: BreakdownMessages, language: 'ru' | 'en'): string {
  if (by === 'source') return launchSourceText(value, language);
  if (value === 'holdout') return s.holdout;
  if (value === 'no_message') return s.noMessage;
  if (value === 'default') return s.defaultVariant;
  return fill(s.variant, { key: value });
}
