/**
 * @module When a calendar campaign's first prize can be won (decision 104). Moments are generated over the campaign's
 * time as it stands (a draft's start is the template's: tomorrow); «Запустить сейчас» moves the start to now and
 * leaves the moments where the manager made them, so nobody could win until the day they begin, and nothing said so.
 * The moments are never moved for the manager (they chose them); the editor says when the first one is instead.
 */
import { and, eq, inArray, isNull, min } from 'drizzle-orm';
import type { CampaignRow } from '../../campaigns/campaign.service.ts';
import { type Db, schema } from '../../db/client.ts';
import { campaignDay } from '../../promo/campaign-day.ts';
import { resetHourOf } from '../../promo/promo-context.ts';
import type { CampaignContent, Problem } from './campaign-document.ts';
import { playsByCalendar } from './campaign-problems.ts';

/** The earliest moment still to be won of the prizes the document keeps (a removed prize's are never taken). */
async function firstOpenMoment(db: Db, campaignId: number, rewardKeys: string[]): Promise<number | null> {
  if (rewardKeys.length === 0) return null;
  const [row] = await db
    .select({ at: min(schema.prizeMoments.at) })
    .from(schema.prizeMoments)
    .innerJoin(schema.rewards, eq(schema.rewards.id, schema.prizeMoments.rewardId))
    .where(
      and(
        eq(schema.prizeMoments.campaignId, campaignId),
        isNull(schema.prizeMoments.wonBy),
        isNull(schema.rewards.removedAt),
        inArray(schema.rewards.key, rewardKeys),
      ),
    );
  return row?.at == null ? null : Number(row.at);
}

/**
 * A warning at the calendar mode's field when no prize can be won on the campaign day it starts: its first open moment
 * falls on a later day. The start is the one a launch would give: now, for a draft or a running campaign (a draft's
 * «Запустить сейчас» starts it now); a scheduled one's start, while it is ahead — unless `launch` is `'now'`, what
 * «Запустить сейчас» asks about a scheduled campaign too (it starts it today, not on its planned day). A moment
 * already due is won by the next play, so a running campaign with one is not warned.
 * @example await firstMomentProblem(db, campaign, content, now) // { code: 'calendar_first_moment_later', params: { firstMomentAt, timeZone } }
 */
export async function firstMomentProblem(
  db: Db,
  campaign: Pick<CampaignRow, 'id' | 'status'>,
  content: CampaignContent,
  now: number,
  launch: 'as_planned' | 'now' = 'as_planned',
): Promise<Problem | undefined> {
  if (!playsByCalendar(content) || campaign.status === 'ended' || campaign.status === 'archived') return undefined;
  const first = await firstOpenMoment(
    db,
    campaign.id,
    content.rewards.map((r) => r.key),
  );
  const planned = campaign.status === 'scheduled' && launch === 'as_planned';
  const start = planned ? Math.max(content.startsAt, now) : now;
  if (first === null || first <= start) return undefined;
  const hour = resetHourOf(content);
  if (campaignDay(first, content.timeZone, hour) === campaignDay(start, content.timeZone, hour)) return undefined;
  return {
    path: 'settings.instantWin.mode',
    code: 'calendar_first_moment_later',
    severity: 'warning',
    params: { firstMomentAt: first, timeZone: content.timeZone },
  };
}

/**
 * What «Запустить сейчас» says after its question (decision 110): the warnings a launch now would meet, its first
 * prize moment checked against today. The problems list checks a scheduled campaign against its planned start, so a
 * brand launching it early was told nothing of the days before its first moment.
 * @example await launchNowWarnings(db, scheduled, content, now) // [{ code: 'calendar_first_moment_later', … }]
 */
export async function launchNowWarnings(
  db: Db,
  campaign: Pick<CampaignRow, 'id' | 'status'>,
  content: CampaignContent,
  now: number,
): Promise<Problem[]> {
  const later = await firstMomentProblem(db, campaign, content, now, 'now');
  return later ? [later] : [];
}
