/**
 * @module A plausible past for the demo's statistics page, so its charts have something to draw out of the box:
 * participants who joined over the last three weeks, their funnel events (stages reached, with drop-off at every
 * step), and their telemetry — sessions of screen views and heartbeats on the days they came back (fewer each day:
 * a retention curve), and the odd client error on the wheel. Deterministic (a seeded generator), written inside the
 * seed's transaction with multi-row INSERTs. Its participants have VK ids from 990,000,000 up, far from real people.
 */
import { schema } from '../db/client.ts';
import type { Tx } from '../db/transactions.ts';
import { rebuildSessions } from '../stats/telemetry-sessions.ts';

const MIN = 60_000;
const DAY = 86_400_000;
const PER_CAMPAIGN = 240;
const FIRST_USER = 990_000_000;
const CHUNK = 200;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Telemetry = typeof schema.telemetryEvents.$inferInsert;
type StageEvent = typeof schema.events.$inferInsert;

/** One in seven of the demo's people came from Odnoklassniki. */
const platformOf = (user: number): 'vk' | 'ok' => (user % 7 === 0 ? 'ok' : 'vk');

/**
 * Where a demo participant opened the app, as their platform would say it: VK's `vk_ref` values; none on OK, whose
 * `refplace` the server does not keep (server/auth/ok-sign.ts), so an OK person never shows a VK place.
 */
const sourceOf = (user: number): string | null =>
  platformOf(user) === 'ok' ? null : (['group_menu', 'ads', 'story'][user % 3] ?? null);

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * @example await seedDemoHistory(tx, [{ id: 1, stages: ['opened', 'task_done'], screens: ['campaign', 'prizes'] }], now);
 */
export async function seedDemoHistory(
  tx: Tx,
  campaigns: { id: number; stages: string[]; screens: string[] }[],
  now: number,
): Promise<void> {
  const random = rng(2026);
  for (const [c, campaign] of campaigns.entries()) {
    const joins = Array.from({ length: PER_CAMPAIGN }, (_, i) => {
      const joinedAt = now - Math.floor(random() * 21 * DAY) - 30 * MIN;
      // Each next stage is reached by fewer: 70 %, then 60 % of those, …
      let reached = 1;
      while (reached < campaign.stages.length && random() < 0.7 - 0.1 * reached) reached += 1;
      return { user: FIRST_USER + c * PER_CAMPAIGN + i, joinedAt, reached };
    });
    const ids: number[] = [];
    await insertChunks(joins, async (chunk) => {
      const rows = await tx
        .insert(schema.participants)
        .values(
          chunk.map((j) => ({
            campaignId: campaign.id,
            platform: platformOf(j.user),
            platformUserId: String(j.user),
            stage: campaign.stages[j.reached - 1] ?? 'opened',
            stageIndex: j.reached - 1,
            stageReachedAt: j.joinedAt + (j.reached - 1) * 20 * MIN,
            source: sourceOf(j.user),
            referralCode: `demo-history-${campaign.id}-${j.user}`,
            createdAt: j.joinedAt,
            lastSeenAt: j.joinedAt,
          })),
        )
        .returning({ id: schema.participants.id });
      ids.push(...rows.map((r) => r.id));
    });
    const events: StageEvent[] = [];
    const telemetry: Telemetry[] = [];
    for (const [i, j] of joins.entries()) {
      const participantId = ids[i] as number;
      const platform = platformOf(j.user);
      for (let k = 0; k < j.reached; k += 1) {
        events.push({
          campaignId: campaign.id,
          participantId,
          type: campaign.stages[k] as string,
          at: j.joinedAt + k * 20 * MIN,
        });
      }
      // The joining day, then returns with a falling chance: about 40 % the next day, fewer later.
      for (let day = 0; day < 21; day += 1) {
        const start = j.joinedAt + day * DAY + (day === 0 ? 0 : Math.floor(random() * 6 * 3_600_000));
        if (start > now) break;
        if (day > 0 && random() > 0.4 / Math.sqrt(day)) continue;
        let at = start;
        telemetry.push({
          campaignId: campaign.id,
          participantId,
          platform,
          kind: 'session_start',
          at,
          screen: '',
          build: 'demo',
        });
        const views = 2 + Math.floor(random() * 5);
        for (let v = 0; v < views; v += 1) {
          at += Math.floor(random() * 90_000) + 5_000;
          const screen = campaign.screens[Math.floor(random() * campaign.screens.length)] as string;
          telemetry.push({
            campaignId: campaign.id,
            participantId,
            platform,
            kind: 'screen_view',
            at,
            screen,
            build: 'demo',
          });
          if (random() < 0.3)
            telemetry.push({
              campaignId: campaign.id,
              participantId,
              platform,
              kind: 'heartbeat',
              at: at + MIN,
              screen,
              build: 'demo',
            });
          if (random() < 0.03) {
            const message = ['TypeError: Cannot read properties of undefined', 'ChunkLoadError: Loading chunk failed'][
              v % 2
            ] as string;
            telemetry.push({
              campaignId: campaign.id,
              participantId,
              platform,
              kind: 'client_error',
              at: at + 1000,
              screen,
              build: 'demo',
              message,
            });
          }
        }
      }
    }
    await insertChunks(events, (chunk) => tx.insert(schema.events).values(chunk));
    await insertChunks(telemetry, (chunk) => tx.insert(schema.telemetryEvents).values(chunk));
    // Their sessions, as the ingest would have stored them, folded once for the campaign.
    await rebuildSessions(tx, campaign.id);
  }
}
