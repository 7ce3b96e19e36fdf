/**
 * Decision 093: notifications queued before `outbox.vk_app_id` existed are found by their app's sender run after the
 * upgrade. The migration (SQLite 0030, PostgreSQL 0023) writes each waiting notification's app (its campaign's app's
 * VK id, as outbox-app.ts writes a new one); a row of no campaign, of an app with no VK id, or a community message
 * keeps none. Run on a database migrated up to the migration before, holding such rows, then migrated to the end.
 */
import { expect, it } from 'vitest';
import { rowsAcrossMigration } from '../../tests/support/across-migration.ts';

/** Apps 61000001 and one of no VK id, a campaign of each, and the rows the upgrade must sort out. */
const SEED = [
  `insert into agencies (id, name) values (1, 'A')`,
  `insert into brands (id, agency_id, name) values (1, 1, 'B')`,
  `insert into apps (id, brand_id, name, vk_app_id) values (1, 1, 'own', 61000001), (2, 1, 'none', null)`,
  `insert into communities (id, brand_id, vk_group_id, name) values (1, 1, 500, 'C')`,
  `insert into campaigns (id, brand_id, app_id, community_id, slug, title, mechanic, starts_at, ends_at)
     values (1, 1, 1, 1, 'own', 'K', 'tasks', 0, 1), (2, 1, 2, 1, 'none', 'K', 'tasks', 0, 1)`,
];
const ROWS: Array<{ key: string; campaign: number | null; channel: string; status: string; expected: number | null }> =
  [
    { key: 'own-queued', campaign: 1, channel: 'notification', status: 'queued', expected: 61000001 },
    { key: 'own-sending', campaign: 1, channel: 'notification', status: 'sending', expected: 61000001 },
    { key: 'no-vk-id', campaign: 2, channel: 'notification', status: 'queued', expected: null },
    { key: 'no-campaign', campaign: null, channel: 'notification', status: 'queued', expected: null },
    { key: 'message', campaign: 1, channel: 'message', status: 'queued', expected: null },
  ];
const rowSql = (r: (typeof ROWS)[number], i: number) =>
  `insert into outbox (dedupe_key, kind, campaign_id, vk_group_id, vk_user_id, channel, text, content_key, random_id,
     status, next_attempt_at, created_at, updated_at)
   values ('${r.key}', 'broadcast', ${r.campaign ?? 'null'}, 500, ${i + 1}, '${r.channel}', 't', 'k', ${i + 1},
     '${r.status}', 0, 0, 0)`;

it('writes each waiting notification’s app on the rows queued before the upgrade', { timeout: 60_000 }, async () => {
  const [found] = (await rowsAcrossMigration(
    { sqlite: '0030_', postgres: '0023_' },
    [...SEED, ...ROWS.map(rowSql)],
    ['select dedupe_key, vk_app_id from outbox order by id'],
  )) as [Array<{ dedupe_key: string; vk_app_id: number | string | null }>];
  expect(found.map((r) => [r.dedupe_key, r.vk_app_id === null ? null : Number(r.vk_app_id)])).toEqual(
    ROWS.map((r) => [r.key, r.expected]),
  );
});
