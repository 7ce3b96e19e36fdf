/**
 * @module Publish problems of the pack-code mechanic (server/promo/codes/): its settings, an entry pool for the codes,
 * prizes to win, and a calendar mode that needs moments (generated or imported after saving: server/promo/calendar/).
 */
import type { CampaignContent, Problem } from './campaign-document.ts';
import { freeCodesProblem } from './pool-free-codes.ts';

type Add = (path: string, code: string, severity: Problem['severity'], params?: Record<string, unknown>) => void;

export function packCodeProblems(doc: CampaignContent, add: Add): void {
  doc.rewards.forEach((r, i) => {
    if ('code' in r.unlock && doc.mechanic !== 'code')
      add(`rewards.${i}.unlock`, 'unlock_wrong_mechanic', 'error', { mechanic: doc.mechanic });
  });
  if (doc.mechanic !== 'code') return;
  const settings = doc.settings.packCode;
  // Paths are the editor's fields (PackCodeSection): the pool is what missing settings lack; the odds are judged where
  // the weight of losing is set, beside the prizes' chances.
  if (!settings) {
    add('settings.packCode.poolKey', 'pack_code_settings_missing', 'error');
    return;
  }
  const pool = doc.pools.find((p) => p.key === settings.poolKey);
  if (pool?.purpose !== 'entry')
    add('settings.packCode.poolKey', 'pack_code_pool_missing', 'error', { poolKey: settings.poolKey });
  else if (pool.free === 0) freeCodesProblem('settings.packCode.poolKey', pool, add);
  const prizes = doc.rewards.filter((r) => 'code' in r.unlock);
  if (prizes.length === 0) add('rewards', 'pack_code_without_prizes', 'error');
  if (doc.settings.instantWin?.mode !== 'calendar' && prizes.every((r) => r.weight === 0))
    add('settings.packCode.loseWeight', 'pack_code_odds_all_zero', 'error');
}
