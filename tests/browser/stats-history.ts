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
