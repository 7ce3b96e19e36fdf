/**
 * The funnel report and the stuck-at-stage query on 1,000,000 events and 100,000 participants (generated with
 * prepared statements in one transaction). Baselines from the same run: the report against a bare read of the
 * same event rows (what any report must at least do), the stuck query against the same query with the index
 * disabled (`NOT INDEXED`). Medians of several runs; the query plans are part of the result.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, type Db, openDatabase, schema } from '../../server/db/client.ts';
import { inserted } from '../../server/db/rows.ts';
import { inTransaction, type Tx } from '../../server/db/transactions.ts';
import { funnelReport } from '../../server/funnel/funnel-report.ts';
import { explainStuck, stuckParticipants } from '../../server/funnel/stuck-participants.ts';
import { type BenchResult, result } from './types.ts';

const PARTICIPANTS = 100_000;
const EVENTS = 1_000_000;
const STAGES = ['opened', 'task_done', 'reward_issued'];
const H = 3_600_000;
const D = 24 * H;
const BASE = Date.UTC(2026, 5, 1);
const NOW = BASE + 40 * D;

/** A small deterministic generator, so every run builds the same data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * The bench's data, written in one transaction. The million rows go through prepared statements of the writing
 * connection (`tx.$client`): this fixture is SQLite's, like the NOT INDEXED and EXPLAIN QUERY PLAN baselines below.
 */
function generate(db: Db): Promise<number> {
  return inTransaction(db, async (tx) => {
    const agency = inserted(await tx.insert(schema.agencies).values({ name: 'bench' }).returning());
    const brand = inserted(await tx.insert(schema.brands).values({ agencyId: agency.id, name: 'bench' }).returning());
    const app = inserted(
      await tx.insert(schema.apps).values({ brandId: brand.id, name: 'bench', vkAppId: 1 }).returning(),
    );
    const campaign = await tx
      .insert(schema.campaigns)
      .values({
        brandId: brand.id,
        appId: app.id,
        slug: 'bench',
        title: 'bench',
        mechanic: 'tasks',
        status: 'live',
        startsAt: BASE,
        endsAt: BASE + 60 * D,
        stages: STAGES,
      })
      .returning();
    const campaignId = inserted(campaign).id;
    return bulk(tx, campaignId);
  });
}

function bulk(tx: Tx, campaignId: number): number {
  const sqlite = tx.$client;
  const addP = sqlite.prepare(
    `INSERT INTO participants (id, campaign_id, platform, platform_user_id, stage, stage_index, stage_reached_at, source, referral_code)
     VALUES (?, ?, 'vk', ?, ?, ?, ?, ?, ?)`,
  );
  const addE = sqlite.prepare('INSERT INTO events (campaign_id, participant_id, type, at) VALUES (?, ?, ?, ?)');
  const random = rng(42);
  const sources = ['group_menu', 'ads', 'story', 'other', null];
  let events = 0;
  for (let p = 1; p <= PARTICIPANTS; p += 1) {
    const opened = BASE + Math.floor(random() * 30 * D);
    const path: Array<[string, number]> = [['opened', opened]];
    if (random() < 0.6) {
      const done = opened + Math.floor(random() * 72 * H);
      path.push(['task_done', done]);
      if (random() < 0.6) path.push(['reward_issued', done + Math.floor(random() * 24 * H)]);
    }
    const last = path[path.length - 1] as [string, number];
    addP.run(p, campaignId, String(p), last[0], STAGES.indexOf(last[0]), last[1], sources[p % 5] ?? null, `r${p}`);
    for (const [type, at] of path) addE.run(campaignId, p, type, at);
    events += path.length;
    // Other facts of the journey (screens, task starts) up to ten events per participant.
    for (let k = path.length; k < 10 && events < EVENTS - 1000; k += 1) {
      addE.run(campaignId, p, k % 2 ? 'screen_viewed' : 'task_started', opened + Math.floor(random() * 5 * D));
      events += 1;
    }
  }
  // Facts without identity (failed launches).
  while (events < EVENTS) {
    addE.run(campaignId, null, 'opened', BASE + Math.floor(random() * 30 * D));
    events += 1;
  }
  sqlite.exec('ANALYZE');
  return campaignId;
}

async function medianMs(runs: number, fn: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return Math.round((times[Math.floor(times.length / 2)] as number) * 100) / 100;
}

export default async function (): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-funnel-'));
  try {
    const db = openDatabase(join(dir, 'app.db'));
    const genStart = performance.now();
    const campaignId = await generate(db);
    const generateSeconds = Math.round((performance.now() - genStart) / 10) / 100;
    const q = { campaignId, from: BASE, to: BASE + 30 * D, windowMs: 7 * D };

    const scan = db.$client
      .prepare(
        'SELECT participant_id, at FROM events WHERE campaign_id = ? AND type = ? AND at >= ? AND at < ? ORDER BY at, id',
      )
      .raw();
    const bareRead = () => {
      let n = 0;
      for (const stage of STAGES) for (const _ of scan.iterate(campaignId, stage, q.from, q.to + q.windowMs)) n += 1;
      return n;
    };
    const report = await funnelReport(db, q);
    const reportMs = await medianMs(5, () => funnelReport(db, q));
    const breakdownMs = await medianMs(3, () => funnelReport(db, { ...q, breakdown: 'source' }));
    const readMs = await medianMs(5, bareRead);
    const eventPlan = (
      db.$client
        .prepare(
          'EXPLAIN QUERY PLAN SELECT participant_id, at FROM events WHERE campaign_id = ? AND type = ? AND at >= ? AND at < ? ORDER BY at, id',
        )
        .all(campaignId, 'opened', q.from, q.to) as Array<{ detail: string }>
    ).map((r) => r.detail);

    const stuckQ = { campaignId, stage: 'task_done', minHours: 24, now: NOW, limit: 100 };
    const stuck = await stuckParticipants(db, stuckQ);
    const stuckMs = await medianMs(50, () => stuckParticipants(db, stuckQ));
    const cutoff = NOW - 24 * H;
    const unindexed = db.$client.prepare(
      `SELECT id, platform, platform_user_id, stage, stage_reached_at, source FROM participants NOT INDEXED
       WHERE campaign_id = ? AND stage = ? AND stage_reached_at <= ? ORDER BY stage_reached_at, id LIMIT 100`,
    );
    const unindexedCount = db.$client.prepare(
      'SELECT count(*) FROM participants NOT INDEXED WHERE campaign_id = ? AND stage = ? AND stage_reached_at <= ?',
    );
    const scanMs = await medianMs(50, () => {
      unindexedCount.get(campaignId, 'task_done', cutoff);
      return unindexed.all(campaignId, 'task_done', cutoff);
    });
    const plan = await explainStuck(db, stuckQ);
    closeDatabase(db);
    return [
      result({
        name: 'funnel report, 1M events / 100k participants (median)',
        value: reportMs,
        unit: 'ms',
        baseline: readMs,
        goal: '<= 4',
        note: 'baseline: reading the same stage events through the same index with no work per row',
        withSourceBreakdownMs: breakdownMs,
        stages: report.stages.map((s) => ({
          stage: s.stage,
          count: s.count,
          medianMsFromPrevious: s.medianMsFromPrevious,
        })),
        queryPlan: eventPlan,
        generateSeconds,
      }),
      result({
        name: 'stuck-at-stage query, page of 100 + total (median)',
        value: stuckMs,
        unit: 'ms',
        baseline: scanMs,
        goal: '<= 0.2',
        note: 'baseline: the same query with the index disabled (NOT INDEXED, a scan of participants)',
        total: stuck.total,
        queryPlan: plan,
        usesIndex: plan.some((d) => d.includes('participants_stage_idx')),
      }),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
