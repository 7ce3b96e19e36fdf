/**
 * @module What a save would refuse in a stored document, as publishing problems. A document a save checked has none;
 * one an earlier release wrote, or a copy of it (`POST /campaigns/{id}/duplicate`), may hold a quiz question of a
 * zero-width space or 25 options, which decision 055 reads but no save takes. Named as problems (the save's codes and
 * bounds: `blank_text`, `too_big`), the office sees them on opening, and nothing goes on the air with them (decision
 * 058): a new campaign could never hold them, so neither may a copy, a paused or a scheduled one.
 */
import { fieldIssues } from '../../http/field-issues.ts';
import { CampaignContentSchema, type Problem } from './campaign-document.ts';

/**
 * The save's refusals of `content`, as error problems; none at a path another error already names.
 * @example shapeProblems(storedDocument, problems) // [{ path: 'settings.quiz.questions.0.text.ru', code: 'blank_text', … }]
 */
export function shapeProblems(content: unknown, named: readonly Problem[]): Problem[] {
  const parsed = CampaignContentSchema.safeParse(content);
  if (parsed.success) return [];
  const taken = new Set(named.filter((p) => p.severity === 'error').map((p) => p.path));
  return parsed.error.issues
    .flatMap(fieldIssues)
    .filter((issue) => !taken.has(issue.path))
    .map((issue) => ({
      path: issue.path,
      code: issue.code ?? 'invalid_value',
      severity: 'error',
      params: issue.params ?? {},
    }));
}
