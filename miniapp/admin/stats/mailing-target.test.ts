import { describe, expect, it } from 'vitest';
import { mailingTargetText } from './mailing-target.ts';

describe('decision 105: a mailing’s target stage on the stats screen reads as the CSV words it', () => {
  it('names a task stage by its title, a known stage in words, in either language', () => {
    const quiz = { targetStage: 'task:quiz1', taskTitles: { quiz1: 'Викторина о бренде' } };
    expect(mailingTargetText(quiz, 'ru')).toBe('Целевой этап: Задание «Викторина о бренде»');
    expect(mailingTargetText({ targetStage: 'task:quiz1', taskTitles: { quiz1: 'Brand quiz' } }, 'en')).toBe(
      'Target stage: Task “Brand quiz”',
    );
    expect(mailingTargetText({ targetStage: 'task_done', taskTitles: {} }, 'ru')).toBe(
      'Целевой этап: Выполнили задание',
    );
    expect(mailingTargetText({ targetStage: 'reward_issued', taskTitles: {} }, 'en')).toBe(
      'Target stage: Got a reward',
    );
  });

  it('says nothing for a mailing without one', () => {
    expect(mailingTargetText({ targetStage: null, taskTitles: {} }, 'ru')).toBeUndefined();
  });
});
