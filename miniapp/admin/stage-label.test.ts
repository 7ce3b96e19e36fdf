import { describe, expect, it } from 'vitest';
import { stageLabel } from './stage-label.ts';

describe('funnel stage labels', () => {
  it('item 2: known stage keys are worded in ru/en, task stages take the task title, unknown ones stay readable', () => {
    expect(stageLabel('opened', 'ru')).toBe('Открыли акцию');
    expect(stageLabel('reward_issued', 'en')).toBe('Got a reward');
    expect(stageLabel('task:quiz1', 'ru', { quiz1: 'Викторина' })).toBe('Задание «Викторина»');
    expect(stageLabel('task:quiz1', 'en', { quiz1: 'Quiz' })).toBe('Task “Quiz”');
    expect(stageLabel('promo_viewed-twice', 'en')).toBe('Promo viewed twice');
    expect(stageLabel('task:unknown', 'en')).toBe('Task unknown');
    // Nothing is shown as a raw key with underscores.
    for (const key of ['task_started', 'task_done', 'quiz_finished', 'attempt', 'something_new']) {
      expect(stageLabel(key, 'ru')).not.toMatch(/_/);
    }
  });

  it('item 4: the calculator stages a follow-up rule picks are worded in ru/en', () => {
    expect(stageLabel('calculated', 'ru')).toBe('Сделали расчёт');
    expect(stageLabel('lead_sent', 'ru')).toBe('Оставили заявку');
    expect(stageLabel('calculator_opened', 'en')).toBe('Opened the calculator');
  });
});
