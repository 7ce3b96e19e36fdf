/**
 * @module Which campaigns a verified user can see, and what state each is in for them right now.
 * Visibility follows the app the launch was signed for and, when launched from a community, that community.
 */
import { and, eq, notInArray, or, type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { Identity } from '../auth/identity.ts';
import { type Db, schema } from '../db/client.ts';
import { byShape, rows, statement } from '../db/prepared.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { localDate } from '../time-zone.ts';
import { type ContentLanguage, columnText } from './content-language.ts';

const { apps, betaTesters, brands, campaigns, communities } = schema;

export type CampaignRow = typeof campaigns.$inferSelect;
/** A campaign as a caller sees it: `betaTester` when it is scheduled and the caller is one of its beta testers. */
export type VisibleCampaign = CampaignRow & { betaTester: boolean };
/**
 * Statuses participants never see: a draft, a scheduled campaign before the server launches it at its start (the
 * office's beta testers are the exception, decided by the office), an archived one.
 */
const HIDDEN_STATUSES: CampaignRow['status'][] = ['draft', 'scheduled', 'archived'];

/** What a participant experiences: the stored status combined with the schedule. */
export type CampaignPhase = 'not_started' | 'running' | 'paused' | 'ended';

export function campaignPhase(
  c: Pick<CampaignRow, 'status' | 'startsAt' | 'endsAt'> & { betaTester?: boolean },
  now: number,
): CampaignPhase {
  if (c.status === 'ended' || c.status === 'archived' || now >= c.endsAt) return 'ended';
  if (c.status === 'paused') return 'paused';
  // A beta tester plays a scheduled campaign for real before its start (server/office/beta/).
  if (c.betaTester === true && c.status === 'scheduled') return 'running';
  if (c.status === 'draft' || c.status === 'scheduled' || now < c.startsAt) return 'not_started';
  return 'running';
}

function appColumn(platform: Identity['platform']) {
  switch (platform) {
    case 'vk':
      return apps.vkAppId;
    case 'ok':
      return apps.okAppKey;
    case 'telegram':
      return apps.telegramBotId;
  }
}

/** Whether the caller is a beta tester of a scheduled campaign (a condition over `campaigns`). */
export function betaTesterOf(platform: Identity['platform'], userId: string | Placeholder): SQL {
  return sql`(${campaigns.status} = 'scheduled' and exists (select 1 from ${betaTesters} where ${betaTesters.campaignId} = ${campaigns.id} and ${betaTesters.platform} = ${platform} and ${betaTesters.platformUserId} = ${userId}))`;
}

/** `betaTesterOf` as a selected column, a boolean on either database. */
export const betaTesterColumn = (platform: Identity['platform'], userId: string | Placeholder) =>
  sql<boolean>`${betaTesterOf(platform, userId)}`.mapWith(Boolean);

/**
 * The visibility rule, the same everywhere: published (not a draft, not waiting for its launch, not archived) — or
 * scheduled and the caller one of its beta testers —, of the launch's app, of its community when there is one, of a
 * brand that is not switched off.
 * A condition over `campaigns ⋈ apps ⟕ communities`; the values may be `sql.placeholder`s, for statements declared
 * once per launch shape (platform, with or without a community) and bound per request.
 */
export function visibleTo(
  platform: Identity['platform'],
  appId: number | string | Placeholder,
  groupId: number | Placeholder | undefined,
  userId: string | Placeholder,
): SQL {
  return and(
    launchScope(platform, appId, groupId),
    or(notInArray(campaigns.status, HIDDEN_STATUSES), betaTesterOf(platform, userId)),
  ) as SQL;
}

/** Whatever the status: of the launch's app, of its community when there is one, of a brand not switched off. */
function launchScope(
  platform: Identity['platform'],
  appId: number | string | Placeholder,
  groupId: number | Placeholder | undefined,
): SQL {
  const conditions = [
    eq(appColumn(platform), appId),
    // A brand its agency switched off runs nothing for participants (server/office/agency/agency-brands.ts).
    sql`not exists (select 1 from ${brands} where ${brands.id} = ${campaigns.brandId} and ${brands.disabledAt} is not null)`,
  ];
  if (groupId !== undefined) conditions.push(eq(communities.vkGroupId, groupId));
  return and(...conditions) as SQL;
}

/** The app id of a launch as the apps table stores it (VK's is a number). */
export const launchAppId = (identity: Identity): number | string =>
  identity.platform === 'vk' ? Number(identity.appId) : identity.appId;

/**
 * What a statement under the visibility rule is declared once for (`byShape`): the platform picks the app column,
 * and a launch from a community adds its condition.
 */
export type LaunchShape = `${Identity['platform']}:${boolean}`;
export const launchShapeOf = (identity: Identity): LaunchShape =>
  `${identity.platform}:${identity.groupId !== undefined}`;

/**
 * The visibility rule for statements declared per launch shape, over the placeholders `appId`, `userId` and (for a
 * community launch) `groupId`, which `visibilityValues` binds.
 */
export function visibleToPlaceholders(shape: LaunchShape): { platform: Identity['platform']; condition: SQL } {
  const [platform, withGroup] = shape.split(':') as [Identity['platform'], string];
  const condition = visibleTo(
    platform,
    sql.placeholder('appId'),
    withGroup === 'true' ? sql.placeholder('groupId') : undefined,
    sql.placeholder('userId'),
  );
  return { platform, condition };
}

/** The values of `visibleToPlaceholders`' placeholders for a launch. */
export const visibilityValues = (identity: Identity) => ({
  appId: launchAppId(identity),
  groupId: identity.groupId,
  userId: identity.userId,
});

/** Campaigns a user may open: not drafts, of this app, of the launching community when there is one. */
export async function listVisibleCampaigns(db: Db, identity: Identity): Promise<VisibleCampaign[]> {
  const rows = await db
    .select({ campaign: campaigns, betaTester: betaTesterColumn(identity.platform, identity.userId) })
    .from(campaigns)
    .innerJoin(apps, eq(apps.id, campaigns.appId))
    .leftJoin(communities, eq(communities.id, campaigns.communityId))
    .where(visibleTo(identity.platform, launchAppId(identity), identity.groupId, identity.userId))
    .orderBy(campaigns.startsAt, campaigns.id);
  return rows.map((r) => ({ ...r.campaign, betaTester: r.betaTester }));
}

/** One campaign under the visibility rule: a statement per launch shape (every participant route starts here). */
const visibleCampaign = byShape((shape: LaunchShape) => {
  const { platform, condition } = visibleToPlaceholders(shape);
  return statement((db) =>
    db
      .select({ campaign: campaigns, betaTester: betaTesterColumn(platform, sql.placeholder('userId')) })
      .from(campaigns)
      .innerJoin(apps, eq(apps.id, campaigns.appId))
      .leftJoin(communities, eq(communities.id, campaigns.communityId))
      .where(and(eq(campaigns.id, sql.placeholder('id')), condition))
      .limit(rows(1)),
  );
});

/**
 * When a scheduled campaign this launch will see at its start begins, or undefined. Only the moment, nothing else of
 * it (decision 105): a link shared in a teaser before the start says when to come back.
 */
async function scheduledStartOf(db: Db, identity: Identity, id: number): Promise<number | undefined> {
  const [found] = await db
    .select({ startsAt: campaigns.startsAt })
    .from(campaigns)
    .innerJoin(apps, eq(apps.id, campaigns.appId))
    .leftJoin(communities, eq(communities.id, campaigns.communityId))
    .where(
      and(
        eq(campaigns.id, id),
        eq(campaigns.status, 'scheduled'),
        launchScope(identity.platform, launchAppId(identity), identity.groupId),
      ),
    )
    .limit(1);
  return found?.startsAt;
}

/**
 * One campaign under the same visibility rule; a scheduled one of this launch is a 409 `campaign_not_started` with
 * only its `startsAt`, anything else a 404. A start already passed is not said (no `params`): the server did not
 * launch it then (it had problems, or is about to), and a date that is gone would tell a participant nothing true.
 */
export async function getVisibleCampaign(
  deps: Pick<Deps, 'db' | 'now'>,
  identity: Identity,
  id: number,
): Promise<VisibleCampaign> {
  const { db } = deps;
  const found = await visibleCampaign(launchShapeOf(identity)).get(db, { id, ...visibilityValues(identity) });
  if (found) return { ...found.campaign, betaTester: found.betaTester };
  const startsAt = await scheduledStartOf(db, identity, id);
  if (startsAt !== undefined) {
    const params = startsAt > deps.now() ? { startsAt } : undefined;
    throw new ApiError(409, 'campaign_not_started', 'The campaign has not started yet', undefined, params);
  }
  throw new ApiError(404, 'campaign_not_found', `Campaign ${id} does not exist for this app`);
}

/** The campaign as a participant reads it, its texts in their language (decision 017). */
export function publicCampaign(c: CampaignRow, now: number, language: ContentLanguage) {
  return {
    id: c.id,
    slug: c.slug,
    title: columnText(c, 'title', language),
    description: columnText(c, 'description', language),
    mechanic: c.mechanic,
    status: c.status,
    phase: campaignPhase(c, now),
    startsAt: c.startsAt,
    endsAt: c.endsAt,
    timeZone: c.timeZone,
    // The dates a participant reads ("until 31 August"), so the first screen needs no time-zone data of its own.
    startsOn: localDate(c.startsAt, c.timeZone),
    endsOn: localDate(c.endsAt, c.timeZone),
    legalType: c.legalType,
    rulesText: columnText(c, 'rulesText', language),
    theme: c.theme,
  };
}
