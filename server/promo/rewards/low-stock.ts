/**
 * @module When a code pool is low (decision 095): at its threshold, but never above a tenth of the codes loaded into
 * it. A threshold is set before any code is (a template's 50, the pools page's 20), so alone it called a pool of 50
 * fresh codes «мало кодов»; the codes a brand loads are its own count of the winners it expects, so «running low»
 * means most of them are gone. A big pool still warns at its threshold, which the brand chose. A pool with no code
 * loaded yet is not low, nor sold out: nothing ran out (decision 099; a draft listed «Мало кодов: packs — 0 из 0»).
 */

/** The largest share of the codes loaded that a pool may be down to and be called low. */
export const LOW_STOCK_MAX_SHARE = 0.1;

/**
 * The number of free codes at or below which a pool is low.
 * @example lowStockLine({ lowStockThreshold: 50, total: 50 }) // 5
 * @example lowStockLine({ lowStockThreshold: 50, total: 2000 }) // 50
 */
export function lowStockLine(pool: { lowStockThreshold: number; total: number }): number {
  return Math.min(pool.lowStockThreshold, Math.ceil(pool.total * LOW_STOCK_MAX_SHARE));
}

/** Codes were loaded and its free ones are at or below its line (a pool whose loaded codes are all gone is low too). */
export const isLowStock = (pool: { lowStockThreshold: number; total: number; free: number }): boolean =>
  pool.total > 0 && pool.free <= lowStockLine(pool);

/** Codes were loaded and none is left. */
export const isSoldOut = (pool: { total: number; free: number }): boolean => pool.total > 0 && pool.free === 0;

/**
 * An entry pool's codes are printed on packs and typed in to play: they do not run out the way prizes do, so it warns
 * only when none is left (threshold 0), whichever route writes it — the pools page, the API, a campaign's save.
 */
export const ENTRY_POOL_THRESHOLD = 0;
/** A new prize pool's threshold when none is asked (the pools page's default). */
export const DEFAULT_REWARD_POOL_THRESHOLD = 20;
