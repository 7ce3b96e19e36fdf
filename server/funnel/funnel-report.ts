/**
 * @module The funnel report, as Mixpanel defines a funnel: uniques (one entry per participant — their first
 * step-1 event in the date range), ordered (step k counts when it happens at or after step k−1; other events may
 * come between), within a conversion window measured from that first step-1 event (later step-1 events do not
 * restart it). Events at the same timestamp count as in order. Events without a participant (missing identity)
 * cannot be joined into a path: they are left out and counted. Per stage: count, % of first, % of previous,
 * drop-off and the median time from the previous stage; optionally broken down by launch source or message variant.
 *
 * The event scans are index range scans on `events_campaign_type_at_idx`, one per stage, walked in time order.
 */
import { and, asc, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import { type Db, schema } from '../db/client.ts';
import { stageEvents } from '../db/event-scan.ts';
import { ApiError, fieldRefusal } from '../http/errors.ts';

export interface FunnelQuery {
  campaignId: number;
  /** Date range for the first step, [from, to) in UTC milliseconds. */
  from: number;
  to: number;
  windowMs: number;
  breakdown?: 'source' | 'variant';
  /** For the variant breakdown: the rule whose variants to use (default: any rule message). */
  ruleId?: number;
  /** Only participants of this platform (the statistics dashboard's filter). */
  platform?: 'vk' | 'ok' | 'telegram';
}

export interface StageRow {
  stage: string;
  count: number;
  /** Percent of the first stage, of the previous stage (0–100, two decimals). */
  pctOfFirst: number;
  pctOfPrevious: number;
  /** Participants who reached the previous stage but not this one. */
  dropOff: number;
  medianMsFromPrevious: number | null;
  meanMsFromPrevious: number | null;
}

export interface FunnelReport {
  campaignId: number;
  from: number;
  to: number;
  windowMs: number;
  counting: 'uniques';
  order: 'ordered';
  stages: StageRow[];
  /** Stage events in range with no participant (no identity), left out of the paths. */
  eventsWithoutIdentity: number;
  breakdown?: Array<{ value: string; stages: StageRow[] }>;
}

const pct = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 10_000) / 100);

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Per participant: the time each stage was reached on their path (index = stage), as far as they got. */
type Paths = Map<number, number[]>;

async function buildPaths(
  db: Db,
  campaignId: number,
  stages: string[],
  q: FunnelQuery,
): Promise<{ paths: Paths; orphans: number }> {
  const paths: Paths = new Map();
  let orphans = 0;
  for (const [k, stage] of stages.entries()) {
    const until = k === 0 ? q.to : q.to + q.windowMs;
    for await (const chunk of stageEvents(db, campaignId, stage, q.from, until)) {
      for (const [pid, at] of chunk) {
        if (pid === null) {
          orphans += 1;
          continue;
        }
        if (k === 0) {
          if (!paths.has(pid)) paths.set(pid, [at]);
          continue;
        }
        const path = paths.get(pid);
        if (!path || path.length !== k) continue;
        const prev = path[k - 1] as number;
        if (at >= prev && at - (path[0] as number) <= q.windowMs) path.push(at);
      }
    }
  }
  return { paths, orphans };
}

function stageRows(stages: string[], paths: Iterable<number[]>): StageRow[] {
  const counts = stages.map(() => 0);
  const deltas: number[][] = stages.map(() => []);
  for (const path of paths) {
    for (let k = 0; k < path.length; k += 1) {
      counts[k] = (counts[k] ?? 0) + 1;
      if (k > 0) deltas[k]?.push((path[k] as number) - (path[k - 1] as number));
    }
  }
  return stages.map((stage, k) => {
    const count = counts[k] ?? 0;
    const prev = k === 0 ? count : (counts[k - 1] ?? 0);
    const d = (deltas[k] ?? []).sort((a, b) => a - b);
    return {
      stage,
      count,
      pctOfFirst: pct(count, counts[0] ?? 0),
      pctOfPrevious: k === 0 ? (count > 0 ? 100 : 0) : pct(count, prev),
      dropOff: k === 0 ? 0 : prev - count,
      medianMsFromPrevious: k === 0 ? null : median(d),
      meanMsFromPrevious: k === 0 || d.length === 0 ? null : Math.round(d.reduce((a, b) => a + b, 0) / d.length),
    };
  });
}

async function breakdownValues(db: Db, q: FunnelQuery, pids: Set<number>): Promise<Map<number, string>> {
  const values = new Map<number, string>();
  if (q.breakdown === 'source') {
    const { participants } = schema;
    const rows = await db
      .select({ id: participants.id, source: participants.source })
      .from(participants)
      .where(eq(participants.campaignId, q.campaignId));
    for (const { id, source } of rows) if (pids.has(id)) values.set(id, source ?? '(none)');
  } else if (q.breakdown === 'variant') {
    const { outbox } = schema;
    const rows = await db
      .select({ pid: outbox.participantId, variant: outbox.variant })
      .from(outbox)
      .where(
        and(
          eq(outbox.campaignId, q.campaignId),
          eq(outbox.kind, 'rule'),
          isNotNull(outbox.participantId),
          q.ruleId === undefined ? undefined : eq(outbox.ruleId, q.ruleId),
          inArray(outbox.status, ['sent', 'holdout']),
        ),
      )
      .orderBy(asc(outbox.id));
    for (const { pid, variant } of rows) {
      if (pid !== null && pids.has(pid) && !values.has(pid)) values.set(pid, variant ?? 'default');
    }
  }
  return values;
}

/** Participants of the campaign on any platform but `platform`, to leave out of the paths. */
async function otherPlatformIds(db: Db, campaignId: number, platform: 'vk' | 'ok' | 'telegram'): Promise<number[]> {
  const { participants } = schema;
  const rows = await db
    .select({ id: participants.id })
    .from(participants)
    .where(and(eq(participants.campaignId, campaignId), ne(participants.platform, platform)));
  return rows.map((r) => r.id);
}

async function testerIds(db: Db, campaignId: number): Promise<number[]> {
  const { participants } = schema;
  const rows = await db
    .select({ id: participants.id })
    .from(participants)
    .where(and(eq(participants.campaignId, campaignId), eq(participants.isTester, true)));
  return rows.map((r) => r.id);
}

/**
 * @example await funnelReport(db, { campaignId: 1, from: Date.UTC(2026, 5, 1), to: Date.UTC(2026, 6, 1), windowMs: 7 * 86_400_000 })
 */
export async function funnelReport(db: Db, q: FunnelQuery): Promise<FunnelReport> {
  const [campaign] = await db.select().from(schema.campaigns).where(eq(schema.campaigns.id, q.campaignId)).limit(1);
  if (!campaign) throw new ApiError(404, 'campaign_not_found', `Campaign ${q.campaignId} does not exist`);
  if (q.to <= q.from) throw fieldRefusal('invalid_range', 'to', '`to` must be after `from`');
  const stages = campaign.stages;
  const { paths, orphans } = await buildPaths(db, campaign.id, stages, q);
  // Beta testers' plays are not statistics (they are also deleted at the launch, server/office/beta/).
  for (const pid of await testerIds(db, campaign.id)) paths.delete(pid);
  if (q.platform) for (const pid of await otherPlatformIds(db, campaign.id, q.platform)) paths.delete(pid);
  const report: FunnelReport = {
    campaignId: campaign.id,
    from: q.from,
    to: q.to,
    windowMs: q.windowMs,
    counting: 'uniques',
    order: 'ordered',
    stages: stageRows(stages, paths.values()),
    eventsWithoutIdentity: orphans,
  };
  if (q.breakdown) {
    const values = await breakdownValues(db, q, new Set(paths.keys()));
    const groups = new Map<string, number[][]>();
    for (const [pid, path] of paths) {
      const v = values.get(pid) ?? (q.breakdown === 'variant' ? 'no_message' : '(none)');
      const g = groups.get(v) ?? [];
      g.push(path);
      groups.set(v, g);
    }
    report.breakdown = [...groups.entries()]
      // The largest first; equal sizes by value, so the order does not hang on the scan's (each dialect's own) order.
      .sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([value, list]) => ({ value, stages: stageRows(stages, list) }));
  }
  return report;
}
