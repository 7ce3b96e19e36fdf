/**
 * Turns the demo's `summer-tasks` into a committed giveaway (two winners, one reserve, both its tasks required) by
 * writing the running server's SQLite file, as campaign-states.ts does, with entrants who have done both tasks.
 */
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export interface DemoEntrant {
  /** The VK user id. */
  user: number;
  referralCode: string;
  /** The VK user id of the entrant who referred this one (listed before it). */
  referrer?: number;
  createdAt?: number;
}

/** Answers the campaign, the commitment it publishes and when the draw is due (`inMs` from now). */
export function makeDemoGiveaway(
  dataDir: string,
  inMs: number,
  entrants: DemoEntrant[],
): { campaignId: number; commitment: string; drawAt: number } {
  const db = new Database(join(dataDir, 'app.db'));
  try {
    db.pragma('busy_timeout = 5000');
    const now = Date.now();
    const drawAt = now + inMs;
    const { id } = db.prepare("SELECT id FROM campaigns WHERE slug = 'summer-tasks'").get() as { id: number };
    const draw = { winners: 2, reserves: 1, drawAt, requiredTaskKeys: ['join', 'messages'] };
    db.prepare(
      "UPDATE campaigns SET legal_type = 'giveaway', settings = json_set(settings, '$.draw', json(?)) WHERE id = ?",
    ).run(JSON.stringify(draw), id);
    const seed = randomBytes(32);
    const commitment = createHash('sha256').update(seed).digest('hex');
    db.prepare('INSERT INTO draws (campaign_id, algorithm, seed, commitment, committed_at) VALUES (?, ?, ?, ?, ?)').run(
      id,
      'provably-fair-draw/v1',
      seed.toString('hex'),
      commitment,
      now,
    );
    const tasks = db
      .prepare("SELECT id FROM promo_tasks WHERE campaign_id = ? AND key IN ('join', 'messages')")
      .all(id) as { id: number }[];
    const participantIds = new Map<number, number>();
    for (const e of entrants) {
      const referredBy = e.referrer === undefined ? null : (participantIds.get(e.referrer) ?? null);
      const p = db
        .prepare(
          "INSERT INTO participants (campaign_id, platform, platform_user_id, stage_reached_at, referral_code, referred_by, created_at) VALUES (?, 'vk', ?, ?, ?, ?, ?) RETURNING id",
        )
        .get(id, String(e.user), now, e.referralCode, referredBy, e.createdAt ?? now) as { id: number };
      participantIds.set(e.user, p.id);
      for (const t of tasks)
        db.prepare(
          "INSERT INTO promo_task_completions (participant_id, task_id, status, level, started_at, done_at) VALUES (?, ?, 'done', 'server_verified', ?, ?)",
        ).run(p.id, t.id, now, now);
    }
    return { campaignId: id, commitment, drawAt };
  } finally {
    db.close();
  }
}
