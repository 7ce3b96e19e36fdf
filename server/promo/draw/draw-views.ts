/**
 * @module What the office and the participants see of a draw. The seed stays on the server until the draw has run;
 * participants see entries only as index + hash and winners as masked ids; the office sees who they are.
 */
import type { Identity } from '../../auth/identity.ts';
import type { CampaignRow } from '../../campaigns/campaign.service.ts';
import { columnText } from '../../campaigns/content-language.ts';
import type { Db } from '../../db/client.ts';
import { toCsv } from '../../http/csv.ts';
import { csvHeader, csvWord, yesNo } from '../../http/csv-words.ts';
import { ApiError } from '../../http/errors.ts';
import type { OfficeCsv } from '../../office-downloads/office-download-grant.ts';
import { PLATFORM_WORDS } from '../../platform-words.ts';
import { personOf, profileUrl } from '../../profile-url.ts';
import { findParticipant } from '../promo-context.ts';
import { DRAW_ALGORITHM, DRAW_ALGORITHM_STEPS, entryHash } from './draw-algorithm.ts';
import { drawEntrants, missingTasks } from './draw-entries.ts';
import {
  type DrawRow,
  drawPicksOf,
  drawSettingsOf,
  excludedParticipants,
  findDraw,
  officeCampaign,
  type PickRow,
  requireDrawn,
} from './draw-records.ts';
import { PICK_ROLE_WORDS, WINNERS_CSV_COLUMNS } from './draw-words.ts';

export type DrawStatus = 'none' | 'awaiting_launch' | 'committed' | 'drawn';

function statusOf(configured: boolean, draw: DrawRow | undefined): DrawStatus {
  if (!configured) return 'none';
  if (!draw) return 'awaiting_launch';
  return draw.drawnAt == null ? 'committed' : 'drawn';
}

/** `12345678` → `12••••78`: enough for a winner to recognise themselves, not enough to find them. */
export function maskUserId(userId: string): string {
  if (userId.length <= 4) return `${userId.slice(0, 1)}•••`;
  return `${userId.slice(0, 2)}${'•'.repeat(Math.min(userId.length - 4, 6))}${userId.slice(-2)}`;
}

function publicPick(draw: DrawRow, p: PickRow) {
  const entry = draw.entries?.[p.entryIndex];
  return {
    position: p.position,
    counter: p.counter,
    index: p.entryIndex,
    hash: entry?.hash ?? '',
    masked: entry ? `${entry.platform}:${maskUserId(entry.userId)}` : '',
  };
}

/** `GET /api/campaigns/{id}/draw` for a participant: commitment, their standing, and the results once drawn. */
export async function participantDrawView(db: Db, identity: Identity, campaign: CampaignRow) {
  const settings = drawSettingsOf(campaign);
  const draw = settings ? await findDraw(db, campaign.id) : undefined;
  const status = statusOf(settings !== undefined, draw);
  let me = null;
  if (settings) {
    const participant = await findParticipant(db, campaign.id, identity);
    const missing = await missingTasks(db, campaign.id, participant?.id ?? null, settings, settings.drawAt);
    me = {
      joined: participant !== undefined,
      entered: participant !== undefined && missing.length === 0,
      missing: missing.map((t) => ({ key: t.key, title: columnText(t, 'title', identity.language) })),
      entryHash: entryHash(identity.platform, identity.userId),
    };
  }
  let results = null;
  if (draw?.drawnAt != null) {
    const picks = await drawPicksOf(db, draw.id);
    const standing = picks.filter((p) => p.replacedAt == null);
    results = {
      drawnAt: draw.drawnAt,
      seed: draw.seed,
      entriesHash: draw.entriesHash ?? '',
      entryCount: draw.entries?.length ?? 0,
      winners: standing.filter((p) => p.role === 'winner').map((p) => publicPick(draw, p)),
      reserves: standing.filter((p) => p.role === 'reserve').map((p) => publicPick(draw, p)),
      replaced: picks.filter((p) => p.replacedAt != null).map((p) => publicPick(draw, p)),
    };
  }
  return {
    status,
    algorithm: { name: draw?.algorithm ?? DRAW_ALGORITHM, steps: [...DRAW_ALGORITHM_STEPS] },
    commitment: draw?.commitment ?? null,
    committedAt: draw?.committedAt ?? null,
    drawAt: settings?.drawAt ?? null,
    winners: settings?.winners ?? 0,
    reserves: settings?.reserves ?? 0,
    me,
    results,
  };
}

/** The published frozen list: index and hash of each entry (409 before the draw). */
export async function publicEntries(db: Db, campaign: CampaignRow) {
  const draw = await findDraw(db, campaign.id);
  if (!draw) throw new ApiError(409, 'not_drawn', 'The draw has not run yet');
  const drawn = requireDrawn(draw);
  return {
    entriesHash: drawn.entriesHash ?? '',
    entries: (drawn.entries ?? []).map((e) => ({ index: e.index, hash: e.hash })),
  };
}

/** The office's view: everything, including who the picks are, with live entry count before the draw. */
export async function officeDrawView(db: Db, campaign: CampaignRow, now: number) {
  const settings = drawSettingsOf(campaign);
  const draw = settings ? await findDraw(db, campaign.id) : undefined;
  const status = statusOf(settings !== undefined, draw);
  let entryCount: number | null = null;
  let problem: string | null = null;
  if (draw?.drawnAt != null) entryCount = draw.entries?.length ?? 0;
  else if (settings) {
    try {
      // What the draw would freeze now: the qualifying entries less those the brand excluded.
      const excluded = await excludedParticipants(db, campaign.id);
      entryCount = (await drawEntrants(db, campaign, settings, settings.drawAt)).filter(
        (e) => !excluded.has(e.participantId),
      ).length;
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      problem = err.code;
    }
  }
  const picks = draw ? await drawPicksOf(db, draw.id) : [];
  return {
    status,
    problem,
    timeZone: campaign.timeZone,
    settings: settings ?? null,
    algorithm: { name: draw?.algorithm ?? DRAW_ALGORITHM, steps: [...DRAW_ALGORITHM_STEPS] },
    commitment: draw?.commitment ?? null,
    committedAt: draw?.committedAt ?? null,
    canDraw: status === 'committed' && settings !== undefined && now >= settings.drawAt && problem === null,
    entryCount,
    drawnAt: draw?.drawnAt ?? null,
    seed: draw?.drawnAt != null ? draw.seed : null,
    entriesHash: draw?.entriesHash ?? null,
    picks: draw ? picks.map((p) => officePick(draw, p)) : [],
  };
}

function officePick(draw: DrawRow, p: PickRow) {
  const entry = draw.entries?.[p.entryIndex];
  return {
    id: p.id,
    position: p.position,
    counter: p.counter,
    entryIndex: p.entryIndex,
    entryHash: entry?.hash ?? '',
    role: p.role,
    standing: p.replacedAt == null,
    platform: entry?.platform ?? '',
    userId: entry?.userId ?? '',
    profileUrl: entry ? profileUrl(entry.platform, entry.userId) : null,
    replacesPickId: p.replacesPickId,
    replacedAt: p.replacedAt,
    replacedReason: p.replacedReason,
    replacedBy:
      p.replacedByUserId == null || p.replacedByPlatform == null
        ? null
        : personOf(p.replacedByPlatform, p.replacedByUserId),
    verification: (p.verification ?? null) as { at: number; ok: boolean; checks: unknown[] } | null,
    announcedAt: p.announcedAt,
  };
}

/**
 * Every pick as CSV (formula-safe, server/http/csv.ts) in the member's words (draw-words.ts), for handing prizes out,
 * after the member's `prizes` check: what the office route and a signed link (server/office-downloads/) both serve.
 */
export async function winnersCsv(db: Db, identity: Identity, campaignId: number): Promise<OfficeCsv> {
  const campaign = await officeCampaign(db, identity, campaignId);
  const { language } = identity;
  const draw = await findDraw(db, campaign.id);
  if (!draw) throw new ApiError(409, 'not_drawn', 'The draw has not run yet');
  const drawn = requireDrawn(draw);
  const picks = await drawPicksOf(db, drawn.id);
  const csv = toCsv(
    csvHeader(WINNERS_CSV_COLUMNS, language),
    picks.map((p) => {
      const o = officePick(drawn, p);
      return [
        o.position,
        csvWord(PICK_ROLE_WORDS, o.role, language),
        yesNo(o.standing, language),
        o.entryIndex,
        o.entryHash,
        csvWord(PLATFORM_WORDS, o.platform as keyof typeof PLATFORM_WORDS, language),
        o.userId,
        o.verification == null ? '' : yesNo(o.verification.ok, language),
        o.replacedReason,
        yesNo(o.announcedAt != null, language),
      ];
    }),
    language,
  );
  return { csv, fileName: `draw-${campaignId}-winners.csv`, brandId: campaign.brandId };
}
