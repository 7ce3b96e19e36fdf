/**
 * The office's calls to «who is stuck where» (server/funnel/funnel.routes.ts, `GET /api/admin/funnel/campaigns/{id}/stuck`,
 * section `stats`): the people whose current stage is one stage, reached at least `minHours` ago, oldest first, paged by
 * the keyset cursor the server takes (the last row's `stageReachedAt` and id, never an offset: a person moving on
 * between two pages neither repeats nor hides another), and the same list as CSV (`format=csv`).
 */
import type { z } from 'zod';
import type { StuckRowSchema } from '../../../server/funnel/funnel.routes.ts';
import type { ApiClient } from '../../api/client.ts';
import type { OfficeCsv } from '../office-csv-download.ts';

/** The choices of «at the stage for at least»: 1 h, 24 h, 3 days, 7 days (the server takes 0 to ten years). */
export const STUCK_HOURS = [1, 24, 72, 168] as const;
export type StuckHours = (typeof STUCK_HOURS)[number];
/** The server's own default. */
export const DEFAULT_STUCK_HOURS: StuckHours = 24;
/** People per page of the list: a phone screen or two. */
export const STUCK_PAGE_SIZE = 20;

/**
 * The address's `hours` as one of the choices; anything else (missing, edited by hand) is the default.
 * @example stuckHoursOf('72') === 72; stuckHoursOf('5') === 24
 */
export function stuckHoursOf(value: string | null | undefined): StuckHours {
  const n = Number(value);
  return STUCK_HOURS.find((h) => h === n) ?? DEFAULT_STUCK_HOURS;
}

/** One person stuck at the stage, as the server lists them (its answer's schema). */
export type StuckPerson = z.infer<typeof StuckRowSchema>;

export interface StuckPage {
  total: number;
  rows: StuckPerson[];
}

/** Where the next page starts: after the last row shown. */
export interface StuckCursor {
  afterReachedAt: number;
  afterId: number;
}

export interface StuckQuery {
  stage: string;
  minHours: number;
  limit?: number;
  after?: StuckCursor | null;
}

/**
 * @example stuckPath(3, { stage: 'task:q1', minHours: 24, limit: 20, after: { afterReachedAt: 5, afterId: 9 } })
 *   // '/api/admin/funnel/campaigns/3/stuck?stage=task%3Aq1&minHours=24&limit=20&afterReachedAt=5&afterId=9'
 */
export function stuckPath(campaignId: number, q: StuckQuery, csv = false): string {
  const query = new URLSearchParams({ stage: q.stage, minHours: String(q.minHours) });
  if (q.limit !== undefined) query.set('limit', String(q.limit));
  if (q.after) {
    query.set('afterReachedAt', String(q.after.afterReachedAt));
    query.set('afterId', String(q.after.afterId));
  }
  if (csv) query.set('format', 'csv');
  return `/api/admin/funnel/campaigns/${campaignId}/stuck?${query}`;
}

/**
 * The cursor of the page after `page`, or null when there is none: a short page is the last, and so is one that
 * brings the list up to the total the server counted.
 * @example nextCursor({ total: 3, rows: [a, b] }, 2, 2) // { afterReachedAt: b.stageReachedAt, afterId: b.participantId } when 2 < 3
 */
export function nextCursor(page: StuckPage, shown: number, limit: number): StuckCursor | null {
  const last = page.rows.at(-1);
  if (!last || page.rows.length < limit || shown >= page.total) return null;
  return { afterReachedAt: last.stageReachedAt, afterId: last.participantId };
}

/** How many stand at each of the campaign's stages for at least `minHours`: the list's totals, in one answer. */
export interface StuckCounts {
  minHours: number;
  stages: Array<{ stage: string; count: number }>;
}

/** @example stuckCountsPath(3, 24) // '/api/admin/funnel/campaigns/3/stuck/counts?minHours=24' */
export const stuckCountsPath = (campaignId: number, minHours: number) =>
  `/api/admin/funnel/campaigns/${campaignId}/stuck/counts?minHours=${minHours}`;

export const fetchStuckCounts = (api: Pick<ApiClient, 'request'>, campaignId: number, minHours: number) =>
  api.request<StuckCounts>('GET', stuckCountsPath(campaignId, minHours));

export const fetchStuck = (api: Pick<ApiClient, 'request'>, campaignId: number, q: StuckQuery) =>
  api.request<StuckPage>('GET', stuckPath(campaignId, q));

/**
 * The whole list (no cursor, the server's largest page) as the CSV the server words in the member's language, for
 * downloadOfficeCsv: its `format=csv` address and the route that signs a link to the same file.
 */
export function stuckCsv(campaignId: number, stage: string, minHours: number): OfficeCsv {
  return {
    csvPath: stuckPath(campaignId, { stage, minHours, limit: STUCK_CSV_LIMIT }, true),
    linkPath: `/api/admin/funnel/campaigns/${campaignId}/stuck/download-link`,
    linkBody: { stage, minHours, limit: STUCK_CSV_LIMIT },
    fileName: stuckCsvFileName(campaignId, stage, minHours),
  };
}

/** The server's bound on one answer: the file holds everyone stuck, not one page. */
export const STUCK_CSV_LIMIT = 50_000;

/** `stuck-3-quiz_finished-24h.csv` (a stage key's `:` is not a file-name character everywhere). */
export function stuckCsvFileName(campaignId: number, stage: string, hours: number): string {
  return `stuck-${campaignId}-${stage.replace(/[^\w.-]+/g, '_')}-${hours}h.csv`;
}
