/**
 * @module The problem of a pool with no free code, in two kinds (decision 104): none loaded yet
 * (`pool_without_codes`: load them) or every code loaded already given out or entered (`pool_used_up`, with how many
 * were loaded: load more). One problem before, worded for neither, so a live campaign's used-up pool and a new
 * draft's empty one read alike.
 */
import type { Problem } from './campaign-document.ts';
import { named } from './pool-name.ts';

type Add = (path: string, code: string, severity: Problem['severity'], params?: Record<string, unknown>) => void;

/**
 * @example freeCodesProblem('rewards.0.poolKey', { key: 'p', name: 'Призы', total: 60, free: 0 }, add) // pool_used_up, total 60
 */
export function freeCodesProblem(path: string, pool: { key: string; name: string; total: number }, add: Add): void {
  if (pool.total > 0) add(path, 'pool_used_up', 'error', { ...named(pool), total: pool.total });
  else add(path, 'pool_without_codes', 'error', named(pool));
}
