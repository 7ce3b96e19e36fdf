/**
 * @module "Who is stuck where": participants whose current stage is S, reached at least N hours ago — a range on
 * `participants_stage_idx (campaign_id, stage, stage_reached_at)`, never a scan of events. Also as CSV.
 */
import { and, asc, count, eq, gt, gte, inArray, lte, or } from 'drizzle-orm';
import { type Db, schema } from '../db/client.ts';
import { queryPlan } from '../db/query-plan.ts';
import { type CsvLanguage, toCsv } from '../http/csv.ts';
import { csvHeader, csvWord, type Words } from '../http/csv-words.ts';
import { PLATFORM_WORDS } from '../platform-words.ts';
import { stageLabel } from './stage-words.ts';

const { participants } = schema;

export interface StuckQuery {
  campaignId: number;
  stage: string;
  /** Stuck for at least this long. */
  minHours: number;
  now: number;
  limit: number;
  /** Keyset paging: only rows reached after this (stage_reached_at, id) — pass the last row's values. */
  after?: { reachedAt: number; id: number };
}

export interface StuckRow {
  participantId: number;
  platform: string;
  userId: string;
  stage: string;
  stageReachedAt: number;
  source: string | null;
}

/** Who counts as stuck, at one stage (the list) or at every stage (the counts): one home, so they never disagree. */
function stuckWhere(q: Pick<StuckQuery, 'campaignId' | 'minHours' | 'now'> & { stage?: string }) {
  return and(
    eq(participants.campaignId, q.campaignId),
    q.stage === undefined ? undefined : eq(participants.stage, q.stage),
    // Beta testers are nobody to follow up (server/office/beta/).
    eq(participants.isTester, false),
    lte(participants.stageReachedAt, q.now - q.minHours * 3_600_000),
  );
}

function where(q: StuckQuery) {
  return and(
    stuckWhere(q),
    q.after
      ? and(
          gte(participants.stageReachedAt, q.after.reachedAt),
          or(gt(participants.stageReachedAt, q.after.reachedAt), gt(participants.id, q.after.id)),
        )
      : undefined,
  );
}

function stuckSelect(db: Db, q: StuckQuery) {
  return db
    .select({
      participantId: participants.id,
      platform: participants.platform,
      userId: participants.platformUserId,
      stage: participants.stage,
      stageReachedAt: participants.stageReachedAt,
      source: participants.source,
    })
    .from(participants)
    .where(where(q))
    .orderBy(asc(participants.stageReachedAt), asc(participants.id));
}

export async function stuckParticipants(db: Db, q: StuckQuery): Promise<{ total: number; rows: StuckRow[] }> {
  const [counted] = await db
    .select({ n: count() })
    .from(participants)
    .where(where({ ...q, after: undefined }));
  return { total: counted?.n ?? 0, rows: await stuckSelect(db, q).limit(q.limit) };
}

type StuckCountsQuery = Pick<StuckQuery, 'campaignId' | 'minHours' | 'now'>;

// `stage IN (…)`: one range of participants_stage_idx per stage, as the list's own count walks, not the campaign's rows.
function stuckCountsSelect(db: Db, q: StuckCountsQuery, stages: readonly string[]) {
  return db
    .select({ stage: participants.stage, n: count() })
    .from(participants)
    .where(and(stuckWhere(q), inArray(participants.stage, [...stages])))
    .groupBy(participants.stage);
}

/** The counts' query plan (a test holds it to the stage index). */
export function explainStuckCounts(db: Db, q: StuckCountsQuery, stages: readonly string[]): Promise<string[]> {
  return queryPlan(db, stuckCountsSelect(db, q, stages).toSQL());
}

/**
 * How many people are stuck at each of `stages` (the campaign's), in one grouped read with the list's own condition;
 * a stage nobody stands at is 0.
 * @example await stuckCounts(db, { campaignId: 3, minHours: 24, now: Date.now() }, ['opened', 'quiz_finished'])
 *   // [{ stage: 'opened', count: 12 }, { stage: 'quiz_finished', count: 0 }]
 */
export async function stuckCounts(
  db: Db,
  q: StuckCountsQuery,
  stages: readonly string[],
): Promise<Array<{ stage: string; count: number }>> {
  if (stages.length === 0) return [];
  const rows = await stuckCountsSelect(db, q, stages);
  const byStage = new Map(rows.map((r) => [r.stage, Number(r.n)]));
  return stages.map((stage) => ({ stage, count: byStage.get(stage) ?? 0 }));
}

/** The query plan of the stuck query (for the bench and for anyone doubting it uses the index). */
export function explainStuck(db: Db, q: StuckQuery): Promise<string[]> {
  return queryPlan(db, stuckSelect(db, q).limit(q.limit).toSQL());
}

/** The stuck list CSV's columns, in their order. */
const STUCK_CSV_COLUMNS = {
  participant_id: { ru: 'ID участника', en: 'Participant ID' },
  platform: { ru: 'Платформа', en: 'Platform' },
  user_id: { ru: 'ID пользователя', en: 'User ID' },
  stage: { ru: 'Этап', en: 'Stage' },
  stage_reached_at: { ru: 'Этап достигнут (UTC)', en: 'Stage reached (UTC)' },
  hours_stuck: { ru: 'Часов на этапе', en: 'Hours at the stage' },
  source: { ru: 'Источник', en: 'Source' },
} satisfies Record<string, Words>;

/**
 * The stuck list for the Excel of the member's language (server/http/csv.ts), worded in it (decision 076): the
 * platform and the stage as the office's screens name them, a task's stage by the task's title (stage-task-titles.ts).
 */
export function stuckCsv(
  rows: StuckRow[],
  now: number,
  language: CsvLanguage,
  taskTitles: Record<string, string> = {},
): string {
  return toCsv(
    csvHeader(STUCK_CSV_COLUMNS, language),
    rows.map((r) => [
      r.participantId,
      csvWord(PLATFORM_WORDS, r.platform as keyof typeof PLATFORM_WORDS, language),
      r.userId,
      stageLabel(r.stage, language, taskTitles),
      new Date(r.stageReachedAt).toISOString(),
      Math.floor((now - r.stageReachedAt) / 3_600_000),
      r.source,
    ]),
    language,
  );
}
