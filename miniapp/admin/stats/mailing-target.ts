/** A rule's or broadcast's target stage on the stats screen, worded as the stats CSV's column (decision 100). */
import { fill } from '../../i18n-fill.ts';
import { statsStrings } from '../i18n-stats.ts';
import { stageLabel } from '../stage-label.ts';

/**
 * The stage its conversion counts to, or undefined when it has none.
 * @example mailingTargetText({ targetStage: 'task:quiz1', taskTitles: { quiz1: 'Викторина о бренде' } }, 'ru')
 * // 'Целевой этап: Задание «Викторина о бренде»'
 */
export function mailingTargetText(
  m: { targetStage: string | null; taskTitles: Record<string, string> },
  language: 'ru' | 'en',
): string | undefined {
  if (m.targetStage === null) return undefined;
  return fill(statsStrings(language).targetStage, { stage: stageLabel(m.targetStage, language, m.taskTitles) });
}
