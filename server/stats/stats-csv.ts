/**
 * @module Every measure as CSV, from the same object the JSON answer is: each table of the measure (days, buckets,
 * cohorts, the top errors, …) becomes rows whose first column names the table, under one header that is the union of
 * the tables' columns — one file per chart, filterable by its first column in any spreadsheet. Written by the one CSV
 * writer (server/http/csv.ts), so participant-supplied text (error messages, screens) cannot become a formula.
 */
import { stageLabel } from '../funnel/stage-words.ts';
import { type CsvValue, toCsv } from '../http/csv.ts';
import type { StatsMeasure, StatsResponse } from './stats.schemas.ts';
import { type CsvLanguage, csvLabel } from './stats-csv-labels.ts';

type Row = Record<string, CsvValue>;
type Table = [name: string, rows: Row[]];

const totals = (values: Record<string, number | null>): Table => [
  'total',
  Object.entries(values).map(([metric, value]) => ({ metric, value })),
];

const retained = (r: { users: number; rate: number } | null, n: string): Row => ({
  [`${n}_users`]: r?.users ?? null,
  [`${n}_rate`]: r?.rate ?? null,
});

/** Each measure's tables; `language` words the cells that name something (a funnel stage), as the office's screens do. */
const TABLES: { [M in StatsMeasure]: (body: StatsResponse<M>, language: CsvLanguage) => Table[] } = {
  summary: (b) => [
    ['kpi', b.kpis.map((k) => ({ metric: k.key, current: k.current, previous: k.previous, change_pct: k.changePct }))],
  ],
  funnel: (b, language) => [
    [
      'stage',
      b.funnels.flatMap((f) =>
        f.stages.map((s) => ({
          campaign_id: f.campaignId,
          campaign: f.title,
          // As the funnel chart words it: a task's stage by the task's title (stage-words.ts, decision 086).
          stage: stageLabel(s.stage, language, f.taskTitles),
          count: s.count,
          pct_of_first: s.pctOfFirst,
          pct_of_previous: s.pctOfPrevious,
          drop_off: s.dropOff,
          median_ms_from_previous: s.medianMsFromPrevious,
        })),
      ),
    ],
  ],
  activity: (b) => [
    ['day', b.days.map((d) => ({ day: d.day, active_users: d.activeUsers, new_participants: d.newParticipants }))],
    totals({ active_users: b.totals.activeUsers, new_participants: b.totals.newParticipants }),
  ],
  sessions: (b) => [
    ['day', b.days.map((d) => ({ day: d.day, sessions: d.sessions, median_length_ms: d.medianLengthMs }))],
    ['length', b.lengthBuckets.map((x) => ({ label: x.label, count: x.count }))],
    ['sessions_per_user', b.perUserBuckets.map((x) => ({ label: x.label, count: x.count }))],
    totals({
      sessions: b.sessions,
      users: b.users,
      sessions_per_user_mean: b.sessionsPerUser.mean,
      sessions_per_user_median: b.sessionsPerUser.median,
      length_ms_mean: b.lengthMs.mean,
      length_ms_median: b.lengthMs.median,
      length_ms_p90: b.lengthMs.p90,
    }),
  ],
  retention: (b) => [
    [
      'cohort',
      b.cohorts.map((c) => ({
        day: c.day,
        size: c.size,
        ...retained(c.d1, 'd1'),
        ...retained(c.d7, 'd7'),
        ...retained(c.d30, 'd30'),
      })),
    ],
    [
      'overall',
      [{ ...retained(b.overall.d1, 'd1'), ...retained(b.overall.d7, 'd7'), ...retained(b.overall.d30, 'd30') }],
    ],
  ],
  'drop-off-screens': (b) => [
    ['screen', b.screens.map((s) => ({ screen: s.screen, sessions_ended: s.sessionsEnded, share: s.share }))],
    totals({ sessions: b.sessions }),
  ],
  errors: (b) => [
    [
      'day',
      b.days.map((d) => ({
        day: d.day,
        sessions: d.sessions,
        sessions_with_errors: d.sessionsWithErrors,
        errors: d.errors,
      })),
    ],
    [
      'top',
      b.top.map((e) => ({
        message: e.message,
        screen: e.screen,
        count: e.count,
        users: e.users,
        last_at: e.lastAt,
        build: e.build,
      })),
    ],
    totals({
      sessions: b.sessions,
      sessions_with_errors: b.sessionsWithErrors,
      error_rate: b.errorRate,
      errors: b.errors,
    }),
  ],
  rewards: (b) => [
    [
      'reward',
      b.rewards.map((r) => ({
        campaign_id: r.campaignId,
        reward: r.rewardKey,
        title: r.title,
        issued: r.issued,
        issued_total: r.issuedTotal,
        stock: r.stock,
        stock_left: r.stockLeft,
      })),
    ],
    ['day', b.days.map((d) => ({ day: d.day, issued: d.issued }))],
    [
      'calendar',
      b.calendar.map((c) => ({
        campaign_id: c.campaignId,
        reward: c.rewardKey,
        moments: c.moments,
        won: c.won,
        missed: c.missed,
        upcoming: c.upcoming,
      })),
    ],
  ],
  mailings: (b, language) => {
    const perf = (m: StatsResponse<'mailings'>['rules'][number] | StatsResponse<'mailings'>['broadcasts'][number]) => ({
      campaign_id: m.campaignId,
      // Worded as the funnel's stage column is (decision 097), so the two tables of one brand's files read alike.
      target_stage: m.targetStage === null ? null : stageLabel(m.targetStage, language, m.taskTitles),
      sent: m.sent,
      failed: m.failed,
      treated_users: m.treated.users,
      treated_converted: m.treated.converted,
      treated_rate: m.treated.rate,
      holdout_users: m.holdout.users,
      holdout_converted: m.holdout.converted,
      holdout_rate: m.holdout.rate,
      lift_points: m.liftPoints,
    });
    return [
      ['rule', b.rules.map((r) => ({ id: r.ruleId, name: r.name, ...perf(r) }))],
      ['broadcast', b.broadcasts.map((x) => ({ id: x.broadcastId, name: x.title, ...perf(x) }))],
    ];
  },
};

/** The keys a measure's CSV is written with: column, table and metric keys (for the labels' test). */
export function statsCsvKeys<M extends StatsMeasure>(measure: M, body: StatsResponse<M>): string[] {
  const keys = new Set<string>(['table']);
  for (const [name, rows] of (TABLES[measure] as (b: StatsResponse<M>, l: CsvLanguage) => Table[])(body, 'en')) {
    keys.add(name);
    for (const row of rows) for (const k of Object.keys(row)) keys.add(k);
    if (name === 'total' || name === 'kpi') for (const row of rows) keys.add(String(row.metric));
  }
  return [...keys];
}

/**
 * The measure as CSV in the member's language: worded header, table names, metric names (stats-csv-labels.ts) and
 * funnel stages (stage-words.ts); the numbers and participant text as in the JSON, written for that language's Excel (server/http/csv.ts, decision 075).
 * @example statsCsv('activity', body, 'en') // 'Table,Date,Active users,New participants,Metric,Value\r\nDate,2026-06-01,3,1,,\r\n…'
 */
export function statsCsv<M extends StatsMeasure>(measure: M, body: StatsResponse<M>, language: CsvLanguage): string {
  const tables = (TABLES[measure] as (b: StatsResponse<M>, l: CsvLanguage) => Table[])(body, language);
  const columns: string[] = [];
  for (const [, rows] of tables)
    for (const row of rows) for (const k of Object.keys(row)) if (!columns.includes(k)) columns.push(k);
  const word = (key: string) => csvLabel(key, language);
  const lines = tables.flatMap(([name, rows]) =>
    rows.map((row) => [
      word(name),
      ...columns.map((k) => (k === 'metric' && typeof row[k] === 'string' ? word(row[k]) : row[k])),
    ]),
  );
  return toCsv(['table', ...columns].map(word), lines, language);
}
