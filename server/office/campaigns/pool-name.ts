/**
 * @module A code pool in the office's words: the name the manager gave it, not its key («quiz10» meant nothing on the
 * office home or in a problem; decision 099). A name that shows nothing (one stored before names had to) is no name,
 * and the key stands in.
 */
import { hasVisibleText } from '../../http/visible-text.ts';

/**
 * @example poolName({ key: 'quiz10', name: 'Промокоды −10%' }) // 'Промокоды −10%'
 * @example poolName({ key: 'quiz10', name: '\u200b' }) // 'quiz10'
 */
export const poolName = (pool: { key: string; name: string }): string =>
  hasVisibleText(pool.name) ? pool.name.trim() : pool.key;

/** A problem's params naming a pool: its key (stable, for code) and its name (what the office's words show). */
export const named = (pool: { key: string; name: string }): { poolKey: string; pool: string } => ({
  poolKey: pool.key,
  pool: poolName(pool),
});
