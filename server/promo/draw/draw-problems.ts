/**
 * @module What would stop a giveaway's draw from working, in the office's problem shape (stable codes, paths into the
 * campaign document). Pure, over the few fields it reads, so the office's validation can add it with one call
 * (server/office/campaigns/campaign-problems.ts).
 */
import type { DrawSettings } from '../settings.ts';

export interface DrawProblem {
  path: string;
  code: 'draw_wrong_mechanic' | 'draw_unknown_task' | 'draw_before_end' | 'draw_not_giveaway';
  severity: 'error' | 'warning';
  params: Record<string, unknown>;
}

export interface DrawDocument {
  mechanic: string;
  legalType: string;
  endsAt: number;
  settings: { draw?: DrawSettings };
  tasks: readonly { key: string }[];
}

/**
 * @example drawProblems({ mechanic: 'tasks', legalType: 'giveaway', endsAt: 0, settings: { draw }, tasks: [] })
 *   // [{ path: 'settings.draw.requiredTaskKeys.0', code: 'draw_unknown_task', severity: 'error', params: { taskKey: 'join' } }]
 */
export function drawProblems(doc: DrawDocument): DrawProblem[] {
  const draw = doc.settings.draw;
  if (!draw) return [];
  const problems: DrawProblem[] = [];
  if (doc.mechanic !== 'tasks')
    problems.push({
      path: 'settings.draw',
      code: 'draw_wrong_mechanic',
      severity: 'error',
      params: { mechanic: doc.mechanic },
    });
  if (doc.legalType !== 'giveaway')
    problems.push({
      path: 'legalType',
      code: 'draw_not_giveaway',
      severity: 'warning',
      params: { legalType: doc.legalType },
    });
  const keys = new Set(doc.tasks.map((t) => t.key));
  draw.requiredTaskKeys.forEach((key, i) => {
    if (!keys.has(key))
      problems.push({
        path: `settings.draw.requiredTaskKeys.${i}`,
        code: 'draw_unknown_task',
        severity: 'error',
        params: { taskKey: key },
      });
  });
  if (draw.drawAt < doc.endsAt)
    problems.push({
      path: 'settings.draw.drawAt',
      code: 'draw_before_end',
      severity: 'warning',
      params: { endsAt: doc.endsAt },
    });
  return problems;
}
