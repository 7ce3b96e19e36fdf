/**
 * A plausible statistics history for the stats browser test, used only when the demo seed has not generated one:
 * participants joining over the last 35 days, their funnel events, and telemetry sessions (start, screens,
 * heartbeats, a few client errors) on the day they joined and on some later days, so every chart has data and
 * D1/D7/D30 cohorts exist. Written straight into the running server's SQLite file (WAL: the server keeps serving);
 * deterministic, so a failure can be replayed.
 */
import Database from 'better-sqlite3';

const DAY = 86_400_000;
const MIN = 60_000;
const SCREENS = ['home', 'campaign', 'rules', 'prizes', 'reward', 'help'];

/** Mulberry32: a small seeded generator. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Telemetry events of the campaign already there (the demo's own history, if it made one). */
export function telemetryCount(dbPath: string, campaignId: number): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    return (
      db.prepare('SELECT COUNT(*) AS n FROM telemetry_events WHERE campaign_id = ?').get(campaignId) as { n: number }
    ).n;
  } finally {
    db.close();
  }
}

export function writeStatsHistory(dbPath: string, campaignId: number, now = Date.now()): void {
  const db = new Database(dbPath);
  db.pragma('busy_timeout = 10000');
  const rnd = random(16);
  const stages = JSON.parse(
    (db.prepare('SELECT stages FROM campaigns WHERE id = ?').get(campaignId) as { stages: string }).stages,
  ) as string[];
  const addParticipant = db.prepare(
    `INSERT INTO participants (campaign_id, platform, platform_user_id, stage, stage_index, stage_reached_at,
       language, referral_code, created_at, last_seen_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  );
  const addEvent = db.prepare(
    'INSERT INTO events (campaign_id, participant_id, type, at, data) VALUES (?, ?, ?, ?, ?)',
  );
  const addTelemetry = db.prepare(
    `INSERT INTO telemetry_events (campaign_id, participant_id, platform, kind, at, screen, build, message)
     VALUES (?, ?, ?, ?, ?, ?, 'history', ?)`,
  );
  const session = (pid: number, platform: string, start: number) => {
    addTelemetry.run(campaignId, pid, platform, 'session_start', start, 'home', null);
    const views = 1 + Math.floor(rnd() * 4);
    let at = start;
    let screen = 'home';
    for (let v = 0; v < views; v++) {
      at += Math.floor(5_000 + rnd() * 3 * MIN);
      screen = SCREENS[Math.floor(rnd() * SCREENS.length)] as string;
      addTelemetry.run(campaignId, pid, platform, 'screen_view', at, screen, null);
      if (rnd() < 0.5) addTelemetry.run(campaignId, pid, platform, 'heartbeat', at + MIN, screen, null);
    }
    if (rnd() < 0.06) addTelemetry.run(campaignId, pid, platform, 'client_error', at + 1_000, screen, 'TypeError: x');
  };
  db.transaction(() => {
    for (let i = 0; i < 320; i++) {
      const dayBack = Math.floor(rnd() ** 1.4 * 35);
      const joinedAt = now - dayBack * DAY - Math.floor(rnd() * 8 * 3_600_000) - 3_600_000;
      const platform = rnd() < 0.75 ? 'vk' : rnd() < 0.6 ? 'ok' : 'telegram';
      let reached = 0;
      let at = joinedAt;
      for (let k = 1; k < stages.length && rnd() < 0.7; k++) reached = k;
      const row = addParticipant.get(
        campaignId,
        platform,
        String(900_000 + i),
        stages[reached],
        reached,
        joinedAt,
        rnd() < 0.8 ? 'ru' : 'en',
        `hist-${i}`,
        joinedAt,
        joinedAt,
      ) as { id: number };
      for (let k = 0; k <= reached; k++) {
        addEvent.run(campaignId, row.id, stages[k], at, '{}');
        at += Math.floor(MIN + rnd() * 40 * MIN);
      }
      session(row.id, platform, joinedAt);
      for (const [back, p] of [
        [1, 0.45],
        [2, 0.3],
        [7, 0.25],
        [14, 0.15],
        [30, 0.12],
      ] as const) {
        const on = joinedAt + back * DAY;
        if (on < now - MIN && rnd() < p) session(row.id, platform, on);
      }
    }
  })();
  db.close();
}

/**
 * What the demo's three-week history cannot show, added for the page = API = CSV test: a cohort that joined 40 days ago
 * (so its D30 day has passed) with sessions on its D1, D7 and D30 days — written as telemetry and as the folded
 * sessions the dashboard reads (server/stats/telemetry-sessions.ts keeps both; this writes both the same way) — and a
 * few rewards issued to it in the last days (grants with real pool codes when the reward has a pool), so the rewards
 * section has non-zero numbers. Returns how many grants were written.
 */
export function writeOldCohortAndGrants(dbPath: string, campaignId: number, now = Date.now()): { grants: number } {
  const db = new Database(dbPath);
  db.pragma('busy_timeout = 10000');
  const today = Math.floor(now / DAY) * DAY;
  // 09:00 UTC: the middle of the day in any European or Russian time zone, so day n after is a whole day later.
  const joinedAt = today - 40 * DAY + 9 * 3_600_000;
  const [first = 'opened'] = JSON.parse(
    (db.prepare('SELECT stages FROM campaigns WHERE id = ?').get(campaignId) as { stages: string }).stages,
  ) as string[];
  const reward = db
    .prepare('SELECT id, pool_id AS poolId FROM promo_rewards WHERE campaign_id = ? ORDER BY id LIMIT 1')
    .get(campaignId) as { id: number; poolId: number | null } | undefined;
  const addParticipant = db.prepare(
    `INSERT INTO participants (campaign_id, platform, platform_user_id, stage, stage_index, stage_reached_at,
       language, referral_code, created_at, last_seen_at)
     VALUES (?, 'vk', ?, ?, 0, ?, 'ru', ?, ?, ?) RETURNING id`,
  );
  const addEvent = db.prepare(
    'INSERT INTO events (campaign_id, participant_id, type, at, data) VALUES (?, ?, ?, ?, ?)',
  );
  const addTelemetry = db.prepare(
    `INSERT INTO telemetry_events (campaign_id, participant_id, platform, kind, at, screen, build, message)
     VALUES (?, ?, 'vk', ?, ?, ?, 'history', NULL)`,
  );
  const addSession = db.prepare(
    `INSERT INTO telemetry_sessions (campaign_id, participant_id, platform, start_at, end_at, last_screen,
       screen_views, errors) VALUES (?, ?, 'vk', ?, ?, 'campaign', 1, 0)`,
  );
  const freeCode = db.prepare(
    'SELECT id, code FROM promo_pool_codes WHERE pool_id = ? AND used_at IS NULL ORDER BY id LIMIT 1',
  );
  const useCode = db.prepare('UPDATE promo_pool_codes SET used_at = ?, participant_id = ? WHERE id = ?');
  const addGrant = db.prepare(
    `INSERT INTO promo_grants (campaign_id, participant_id, reward_id, pool_code_id, code, day, source, issued_at, nth)
     VALUES (?, ?, ?, ?, ?, ?, 'claim', ?, 1)`,
  );
  const session = (pid: number, start: number) => {
    addTelemetry.run(campaignId, pid, 'session_start', start, 'home');
    addTelemetry.run(campaignId, pid, 'screen_view', start + 2 * MIN, 'campaign');
    addSession.run(campaignId, pid, start, start + 2 * MIN);
  };
  // Who comes back on which day after joining: 10 joined; D1 6, D7 4, D30 3.
  const returns: number[][] = [[1, 7, 30], [1, 7, 30], [1, 7, 30], [1, 7], [1], [1], [], [], [], []];
  let grants = 0;
  db.transaction(() => {
    returns.forEach((days, i) => {
      const { id } = addParticipant.get(
        campaignId,
        String(880_000 + i),
        first,
        joinedAt,
        `old-${i}`,
        joinedAt,
        joinedAt,
      ) as { id: number };
      addEvent.run(campaignId, id, first, joinedAt, '{}');
      session(id, joinedAt);
      for (const n of days) session(id, joinedAt + n * DAY);
      if (!reward || i >= 5) return;
      const issuedAt = now - (i + 1) * DAY;
      const code = reward.poolId === null ? undefined : (freeCode.get(reward.poolId) as { id: number; code: string });
      if (reward.poolId !== null && !code) return;
      if (code) useCode.run(issuedAt, id, code.id);
      const day = new Date(issuedAt).toISOString().slice(0, 10);
      addGrant.run(campaignId, id, reward.id, code?.id ?? null, code?.code ?? null, day, issuedAt);
      grants++;
    });
  })();
  db.close();
  return { grants };
}
