/**
 * @module The brand's side of the prize calendar (section `prizes`): generate moments, import them from CSV, list them
 * with their use, delete unwon future ones. Every write records an office audit entry in its own transaction.
 */
import { and, asc, count, eq, gt, isNull } from 'drizzle-orm';
import type { Identity } from '../../auth/identity.ts';
import type { CampaignRow } from '../../campaigns/campaign.service.ts';
import { columnText } from '../../campaigns/content-language.ts';
import { type Db, schema } from '../../db/client.ts';
import { inTransaction, type Tx } from '../../db/transactions.ts';
import type { Deps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import { recordAudit } from '../../office/audit.ts';
import { officeCampaign } from '../../office/campaigns/campaign-access.ts';
import { campaignDay } from '../campaign-day.ts';
import { csvIssues, csvLineError } from '../csv-line-error.ts';
import { resetHourOf } from '../promo-context.ts';
import type { RewardRow } from '../rewards/issue-reward.ts';
import { campaignRewards } from '../rewards/reward.service.ts';
import { parseCampaignSettings, StoredRewardUnlockSchema } from '../settings.ts';
import { generatedWithKey, keepGeneration } from './generation-keys.ts';
import { parseMomentCsv } from './moment-csv.ts';
import {
  drawMoments,
  type GenerationMode,
  MAX_MOMENTS_PER_GENERATION,
  momentCount,
  type RandomInt,
  type SlotPlan,
} from './moment-slots.ts';

const { prizeMoments } = schema;

/** The crypto generator, or the test's seeded `deps.random` scaled to integers. */
const randomIntOf = (deps: Deps): RandomInt | undefined => {
  const random = deps.random;
  return random ? (min, max) => min + Math.floor(random() * (max - min)) : undefined;
};
/** Rows written per INSERT: far below either database's parameter limit (8 columns). */
const INSERT_CHUNK = 500;

/** Prizes a calendar can hold: the instant-win ones (wheel sectors, pack-code prizes). */
export function isInstantWinPrize(reward: Pick<RewardRow, 'unlock'>): boolean {
  const unlock = StoredRewardUnlockSchema.safeParse(reward.unlock);
  return unlock.success && ('wheel' in unlock.data || 'code' in unlock.data);
}

async function calendarCampaign(db: Db, identity: Identity, campaignId: number, writing: boolean) {
  // 404 for a campaign that is missing or of a brand the caller is no member of; 403 for a member without `prizes`.
  const campaign = await officeCampaign(db, identity, campaignId, 'prizes');
  if (writing && (campaign.status === 'ended' || campaign.status === 'archived')) {
    throw new ApiError(409, 'campaign_ended', 'The campaign has ended; its calendar can no longer change');
  }
  const prizes = (await campaignRewards(db, campaign.id)).filter(isInstantWinPrize);
  return { campaign, prizes };
}

export interface GenerateRequest {
  mode: GenerationMode;
  rewards: { rewardKey: string; count: number }[];
  /** Window inside the campaign (UTC ms); never before now: a past moment would be won by the next play at once. */
  from?: number;
  to?: number;
  /** The office's key for this request (generation-keys.ts): a repeat is the generation it made. */
  clientKey?: string | undefined;
}

async function totalMoments(tx: Tx, campaignId: number): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(prizeMoments).where(eq(prizeMoments.campaignId, campaignId));
  return row?.n ?? 0;
}

async function insertMoments(tx: Tx, campaignId: number, rows: { rewardId: number; at: number }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await tx.insert(prizeMoments).values(rows.slice(i, i + INSERT_CHUNK).map((r) => ({ campaignId, ...r })));
  }
}

function prizeByKey(prizes: RewardRow[], key: string, path: string): RewardRow {
  const prize = prizes.find((p) => p.key === key);
  if (!prize) {
    throw new ApiError(422, 'not_instant_win', `No instant-win prize "${key}" in this campaign`, [
      { path, message: 'Not an instant-win prize (wheel or pack-code) of this campaign' },
    ]);
  }
  return prize;
}

/**
 * Draws moments for each requested prize over the campaign (or the given window) and stores them.
 * @example await generateMoments(deps, identity, 3, { mode: 'per_day', rewards: [{ rewardKey: 'mug', count: 2 }] }) // { created: 28, … }
 */
export async function generateMoments(deps: Deps, identity: Identity, campaignId: number, request: GenerateRequest) {
  const { clientKey, ...asked } = request;
  if (clientKey) {
    // A retry of a generation already made (its answer lost) is that answer, though the campaign has since ended or
    // its time run out: looked up after the member's rights, before anything that judges a new draw.
    const keyed = await officeCampaign(deps.db, identity, campaignId, 'prizes');
    const made = await inTransaction(deps.db, (tx) => generatedWithKey(tx, keyed.id, asked, clientKey));
    if (made) return made;
  }
  const { campaign, prizes } = await calendarCampaign(deps.db, identity, campaignId, true);
  const now = deps.now();
  const from = Math.max(campaign.startsAt, now, request.from ?? 0);
  const to = Math.min(campaign.endsAt, request.to ?? Number.POSITIVE_INFINITY);
  if (to <= from) {
    throw new ApiError(422, 'empty_window', 'No time left in the campaign (or the window) for moments', [
      { path: 'to', message: 'The window must end after its start, the campaign start and now' },
    ]);
  }
  const base = { mode: request.mode, from, to, timeZone: campaign.timeZone, resetHour: resetHourOf(campaign) };
  const plans = request.rewards.map((r, i) => ({
    prize: prizeByKey(prizes, r.rewardKey, `rewards.${i}.rewardKey`),
    plan: { ...base, count: r.count } satisfies SlotPlan,
  }));
  // Each prize's count stops walking slots once the request is over the limit (a long window costs nothing).
  const planned = plans.reduce((s, p) => s + momentCount(p.plan, MAX_MOMENTS_PER_GENERATION - s), 0);
  if (planned > MAX_MOMENTS_PER_GENERATION) {
    throw new ApiError(422, 'too_many_moments', `${planned} moments; at most ${MAX_MOMENTS_PER_GENERATION} at once`, [
      {
        path: 'rewards',
        code: 'moment_limit',
        params: { planned, max: MAX_MOMENTS_PER_GENERATION },
        message: `Would make ${planned} moments; at most ${MAX_MOMENTS_PER_GENERATION}`,
      },
    ]);
  }
  const rows = plans.flatMap(({ prize, plan }) =>
    drawMoments(plan, randomIntOf(deps)).map((at) => ({ rewardId: prize.id, at })),
  );
  return inTransaction(deps.db, async (tx) => {
    // Again in the writing transaction: two first sends of one key, the second finds what the first wrote.
    const earlier = clientKey && (await generatedWithKey(tx, campaign.id, asked, clientKey));
    if (earlier) return earlier;
    const before = await totalMoments(tx, campaign.id);
    await insertMoments(tx, campaign.id, rows);
    const after = { moments: before + rows.length, mode: request.mode, from, to, rewards: request.rewards };
    await audit(tx, identity, campaign, 'calendar.generate', { moments: before }, after);
    const answer = { created: rows.length, from, to };
    if (clientKey) await keepGeneration(tx, campaign.id, asked, clientKey, answer);
    return answer;
  });
}

/**
 * Imports scheduled moments from CSV (`reward_key,at`); 422 `invalid_csv` with line-numbered issues, nothing written.
 * @example await importMoments(deps, identity, 3, 'reward_key,at\nmug,2026-06-02T12:00:00+03:00') // { imported: 1 }
 */
export async function importMoments(deps: Deps, identity: Identity, campaignId: number, csv: string) {
  const { campaign, prizes } = await calendarCampaign(deps.db, identity, campaignId, true);
  const { moments, errors } = parseMomentCsv(csv, new Set(prizes.map((p) => p.key)), campaign.timeZone);
  // As generation does: a moment already past would be won by the next play at once, not at its time.
  const now = deps.now();
  for (const m of moments) {
    if (m.at < campaign.startsAt || m.at >= campaign.endsAt) errors.push(csvLineError(m.line, 'outside_campaign'));
    else if (m.at <= now) errors.push(csvLineError(m.line, 'in_the_past'));
  }
  if (errors.length > 0) {
    errors.sort((a, b) => a.line - b.line);
    throw new ApiError(422, 'invalid_csv', `${errors.length} problem(s); nothing was imported`, csvIssues(errors));
  }
  if (moments.length === 0) {
    // The file as a whole, so the field it came in: a code the office words, as a line problem's.
    const { code, params, message } = csvLineError(0, 'no_moments');
    throw new ApiError(422, 'invalid_csv', message, [{ path: 'csv', code, params, message }]);
  }
  const ids = new Map(prizes.map((p) => [p.key, p.id]));
  const rows = moments.map((m) => ({ rewardId: ids.get(m.rewardKey) as number, at: m.at }));
  return inTransaction(deps.db, async (tx) => {
    const before = await totalMoments(tx, campaign.id);
    await insertMoments(tx, campaign.id, rows);
    await audit(tx, identity, campaign, 'calendar.import', { moments: before }, { moments: before + rows.length });
    return { imported: rows.length };
  });
}

/** Deletes the unwon moments still to come (of one prize, or all); won and past ones are history and stay. */
export async function deleteFutureMoments(deps: Deps, identity: Identity, campaignId: number, rewardKey?: string) {
  const { campaign, prizes } = await calendarCampaign(deps.db, identity, campaignId, true);
  const prize = rewardKey === undefined ? undefined : prizeByKey(prizes, rewardKey, 'rewardKey');
  const now = deps.now();
  return inTransaction(deps.db, async (tx) => {
    const before = await totalMoments(tx, campaign.id);
    const deleted = await tx
      .delete(prizeMoments)
      .where(
        and(
          eq(prizeMoments.campaignId, campaign.id),
          isNull(prizeMoments.wonBy),
          gt(prizeMoments.at, now),
          ...(prize ? [eq(prizeMoments.rewardId, prize.id)] : []),
        ),
      )
      .returning({ id: prizeMoments.id });
    const after = { moments: before - deleted.length, rewardKey: rewardKey ?? null };
    await audit(tx, identity, campaign, 'calendar.delete_future', { moments: before }, after);
    return { deleted: deleted.length };
  });
}

function audit(tx: Tx, actor: Identity, campaign: CampaignRow, action: string, before: unknown, after: unknown) {
  return recordAudit(tx, {
    actor,
    brandId: campaign.brandId,
    section: 'prizes',
    action,
    entity: 'campaign',
    entityId: campaign.id,
    before,
    after,
  });
}

/** A moment's use: still to come, come and waiting for an eligible play (rolled forward), or won. */
export type MomentState = 'upcoming' | 'waiting' | 'won';

/** At most this many moments listed one by one; the per-day table always covers all of them. */
export const MAX_LISTED_MOMENTS = 2_000;

/**
 * The calendar: its mode, a per-day table (campaign days, reset hour applied) of moments and wins, and the moments.
 * @example (await listMoments(deps, identity, 3)).days[0] // { day: '2026-06-01', moments: 2, won: 1, waiting: 1, upcoming: 0, rolledIn: 0 }
 */
export async function listMoments(deps: Deps, identity: Identity, campaignId: number) {
  const { campaign, prizes } = await calendarCampaign(deps.db, identity, campaignId, false);
  const now = deps.now();
  const rows = await deps.db
    .select()
    .from(prizeMoments)
    .where(eq(prizeMoments.campaignId, campaign.id))
    .orderBy(asc(prizeMoments.at), asc(prizeMoments.id));
  const keyOf = new Map(prizes.map((p) => [p.id, p.key]));
  const resetHour = resetHourOf(campaign);
  const dayOf = (at: number) => campaignDay(at, campaign.timeZone, resetHour);
  const days = new Map<
    string,
    { day: string; moments: number; won: number; waiting: number; upcoming: number; rolledIn: number }
  >();
  const dayRow = (day: string) => {
    const row = days.get(day) ?? { day, moments: 0, won: 0, waiting: 0, upcoming: 0, rolledIn: 0 };
    days.set(day, row);
    return row;
  };
  const moments = rows.map((m) => {
    const state: MomentState = m.wonBy != null ? 'won' : m.at > now ? 'upcoming' : 'waiting';
    const day = dayOf(m.at);
    const row = dayRow(day);
    row.moments += 1;
    row[state] += 1;
    const wonDay = m.wonAt != null ? dayOf(m.wonAt) : null;
    // A moment won on a later day than its own rolled forward into that day.
    if (wonDay && wonDay !== day) dayRow(wonDay).rolledIn += 1;
    return {
      id: m.id,
      rewardKey: keyOf.get(m.rewardId) ?? String(m.rewardId),
      at: m.at,
      day,
      state,
      wonAt: m.wonAt,
      /** How long after its moment the prize was won (a roll-forward when large). */
      delayMs: m.wonAt != null ? m.wonAt - m.at : null,
    };
  });
  return {
    mode: parseCampaignSettings(campaign.settings).instantWin?.mode ?? 'odds',
    timeZone: campaign.timeZone,
    startsAt: campaign.startsAt,
    endsAt: campaign.endsAt,
    prizes: prizes.map((p) => ({
      key: p.key,
      // The office member's language where the prize has it.
      title: columnText(p, 'title', identity.language),
      moments: moments.filter((m) => m.rewardKey === p.key).length,
      won: moments.filter((m) => m.rewardKey === p.key && m.state === 'won').length,
    })),
    days: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)),
    moments: moments.slice(0, MAX_LISTED_MOMENTS),
    truncated: moments.length > MAX_LISTED_MOMENTS,
  };
}
