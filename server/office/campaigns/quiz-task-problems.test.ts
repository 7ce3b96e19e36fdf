/**
 * A quiz task no one can pass went live: a right answer naming an option the question does not have (`correct: ['z']`)
 * or a pass score above what the questions give (3 of 2 points). Its participants spent their attempts on it and never
 * opened the reward behind it. The quiz mechanic's own questions were checked (`unknown_option`); a quiz task's were
 * not. Now both are errors at the field, so neither goes live.
 */
import { describe, expect, it } from 'vitest';
import { tasksReward } from '../templates/tasks-reward.ts';
import { type CampaignContent, CampaignContentSchema } from './campaign-document.ts';
import { campaignProblems, type ProblemContext } from './campaign-problems.ts';

const NOW = Date.UTC(2026, 5, 1, 9);
const ctx: ProblemContext = { now: NOW, community: { vkGroupId: 777 }, botToken: { configured: true, groupId: 777 } };

const option = (id: string) => ({ id, text: id.toUpperCase() });
const question = (id: string, correct: string[], points = 1) => ({
  id,
  text: `${id}?`,
  options: [option('a'), option('b')],
  correct,
  points,
});

function withQuizTask(config: Record<string, unknown>): CampaignContent {
  const doc = CampaignContentSchema.parse(tasksReward.document(NOW));
  const task = {
    key: 'quiz',
    kind: 'quiz' as const,
    title: { ru: 'Тест', en: 'Test' },
    description: { ru: '', en: '' },
    config,
    attemptsGranted: 0,
    position: 9,
  };
  return { ...doc, pools: doc.pools.map((p) => ({ ...p, total: 10, free: 10 })), tasks: [...doc.tasks, task] };
}

const errors = (doc: CampaignContent) =>
  campaignProblems(doc, ctx)
    .filter((p) => p.severity === 'error')
    .map((p) => [p.path, p.code, p.params]);

describe('a quiz task no one can pass', () => {
  it('a right answer that is not one of the options is an error at it', () => {
    const doc = withQuizTask({ passScore: 1, questions: [question('q1', ['a']), question('q2', ['z'])] });
    const at = doc.tasks.length - 1;
    expect(errors(doc)).toEqual([[`tasks.${at}.config.questions.1.correct.0`, 'unknown_option', { optionId: 'z' }]]);
  });

  it('a pass score above the points the questions give is an error at it', () => {
    const doc = withQuizTask({ passScore: 3, questions: [question('q1', ['a']), question('q2', ['b'])] });
    const at = doc.tasks.length - 1;
    expect(errors(doc)).toEqual([
      [`tasks.${at}.config.passScore`, 'pass_score_unreachable', { passScore: 3, maxScore: 2 }],
    ]);
    expect(errors(withQuizTask({ passScore: 2, questions: [question('q1', ['a']), question('q2', ['b'])] }))).toEqual(
      [],
    );
  });
});
