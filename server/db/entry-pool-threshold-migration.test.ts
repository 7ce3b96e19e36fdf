/**
 * An entry pool warns only when none is left (low-stock.ts `ENTRY_POOL_THRESHOLD`). Pool creation gave any pool the
 * default 20 and the demo seed a tenth of its codes, so entry pools made before warned early. The migration (SQLite
 * 0033, PostgreSQL 0026) sets every entry pool's threshold to 0 and leaves prize pools as their brand set them. Run on
 * a database migrated up to the migration before, holding pools of both kinds, then migrated to the end.
 */
import { expect, it } from 'vitest';
import { rowsAcrossMigration } from '../../tests/support/across-migration.ts';

const SEED = [
  `insert into agencies (id, name) values (1, 'A')`,
  `insert into brands (id, agency_id, name) values (1, 1, 'B')`,
  `insert into apps (id, brand_id, name, vk_app_id) values (1, 1, 'own', 61000001)`,
  `insert into communities (id, brand_id, vk_group_id, name) values (1, 1, 500, 'C')`,
  `insert into campaigns (id, brand_id, app_id, community_id, slug, title, mechanic, starts_at, ends_at)
     values (1, 1, 1, 1, 'own', 'K', 'tasks', 0, 1)`,
];
const POOLS: Array<{ key: string; purpose: 'entry' | 'reward'; threshold: number; expected: number }> = [
  { key: 'packs-default', purpose: 'entry', threshold: 20, expected: 0 },
  { key: 'packs-demo', purpose: 'entry', threshold: 5, expected: 0 },
  { key: 'packs-zero', purpose: 'entry', threshold: 0, expected: 0 },
  { key: 'prizes', purpose: 'reward', threshold: 20, expected: 20 },
  { key: 'prizes-custom', purpose: 'reward', threshold: 7, expected: 7 },
];
const poolSql = (p: (typeof POOLS)[number]) =>
  `insert into promo_code_pools (campaign_id, key, name, purpose, low_stock_threshold)
   values (1, '${p.key}', 'P', '${p.purpose}', ${p.threshold})`;

it('sets every entry pool’s threshold to 0 and keeps prize pools’ as set', { timeout: 60_000 }, async () => {
  const [found] = (await rowsAcrossMigration(
    { sqlite: '0033_', postgres: '0026_' },
    [...SEED, ...POOLS.map(poolSql)],
    ['select key, low_stock_threshold from promo_code_pools order by id'],
  )) as [Array<{ key: string; low_stock_threshold: number | string }>];
  expect(found.map((p) => [p.key, Number(p.low_stock_threshold)])).toEqual(POOLS.map((p) => [p.key, p.expected]));
});
