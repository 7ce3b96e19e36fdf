/**
 * @module Walking a campaign's telemetry in time order for the statistics dashboard: up to millions of rows, so they
 * come as plain `[participantId, at, kind, screen]` arrays in chunks, like event-scan.ts. SQLite walks
 * `telemetry_events_campaign_at_idx` with a raw prepared statement; PostgreSQL reads the same index range a page at a
 * time (keyset on `(at, id)`), so no connection is held between chunks.
 */
import type pg from 'pg';
import type { Db } from './client.ts';
import { PROCESS_DIALECT } from './dialect.ts';
import type { TelemetryKind } from './schema/telemetry.ts';

export type TelemetryPoint = [participantId: number, at: number, kind: TelemetryKind, screen: string];

const CHUNK = 10_000;

export interface TelemetryScan {
  campaignId: number;
  from: number;
  until: number;
  platform?: string;
}

/**
 * Telemetry of one campaign with `from <= at < until` (optionally one platform), ordered by (at, id), in chunks.
 * @example for await (const chunk of telemetryPoints(db, { campaignId: 1, from, until })) for (const [pid, at] of chunk) …
 */
export async function* telemetryPoints(db: Db, q: TelemetryScan): AsyncGenerator<TelemetryPoint[]> {
  if (PROCESS_DIALECT === 'postgres') {
    yield* telemetryPointsPostgres(db.$client as unknown as pg.Pool, q);
    return;
  }
  const platform = q.platform === undefined ? '' : 'AND platform = ?';
  const args: unknown[] = [q.campaignId, q.from, q.until];
  if (q.platform !== undefined) args.push(q.platform);
  const rows = db.$client
    .prepare(
      `SELECT participant_id, at, kind, screen FROM telemetry_events
       WHERE campaign_id = ? AND at >= ? AND at < ? ${platform} ORDER BY at, id`,
    )
    .raw()
    .iterate(...args) as Iterable<TelemetryPoint>;
  let chunk: TelemetryPoint[] = [];
  for (const row of rows) {
    chunk.push(row);
    if (chunk.length === CHUNK) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

async function* telemetryPointsPostgres(pool: pg.Pool, q: TelemetryScan): AsyncGenerator<TelemetryPoint[]> {
  let after: [at: number, id: number] = [q.from, 0];
  for (;;) {
    const values: unknown[] = [q.campaignId, q.until, after[0], after[1]];
    if (q.platform !== undefined) values.push(q.platform);
    const result = await pool.query<[number, string, TelemetryKind, string, number]>({
      text: `SELECT participant_id, at, kind, screen, id FROM telemetry_events
             WHERE campaign_id = $1 AND at < $2 AND (at > $3 OR (at = $3 AND id > $4))
             ${q.platform === undefined ? '' : 'AND platform = $5'}
             ORDER BY at, id LIMIT ${CHUNK}`,
      values,
      rowMode: 'array',
    });
    const rows = result.rows;
    if (rows.length === 0) return;
    const last = rows[rows.length - 1] as [number, string, TelemetryKind, string, number];
    after = [Number(last[1]), last[4]];
    // bigint columns come back as text from pg: numbers from here on.
    yield rows.map(([pid, at, kind, screen]) => [pid, Number(at), kind, screen]);
    if (rows.length < CHUNK) return;
  }
}
