/**
 * JSON nested thousands deep in a free-form field (a task's config took any keys then; a quiz question's object
 * still does) was stored with `JSON.stringify`, which recurses: an office member's 40 KB save was a 500. Now any
 * body, query or update nested deeper than `MAX_NESTING` is a 422 naming where it went too deep, before any handler
 * runs; shapes the product uses pass.
 */
import { describe, expect, it } from 'vitest';
import { closedAfterTest } from '../../tests/support/world-per-test.ts';
import { createOfficeWorld, EDITOR, type OfficeWorld } from '../office/campaigns/office-campaign.test-world.ts';
import { MAX_NESTING, tooDeepIssue } from './nesting-depth.ts';

let w: OfficeWorld;

const nested = (depth: number) => `${'['.repeat(depth)}"a"${']'.repeat(depth)}`;

describe('how deep a request may nest', () => {
  it('a campaign saved with a value nested 20,000 deep inside a task config: 422 at the place, nothing written', async () => {
    w = closedAfterTest(await createOfficeWorld());
    const made = await w.json('POST', '/api/admin/campaigns', EDITOR, {
      brandId: w.brandId,
      templateKey: 'tasks-reward',
    });
    expect(made.status).toBe(201);
    const doc = made.body;
    // Every object of a task config takes only its own keys now (settings-unknown-keys.routes.test.ts), so no place in a
    // campaign document keeps free-form JSON: the deep value, under a key a quiz question does not have, is refused at
    // that key without being walked. The depth rule itself, on a route that takes free-form JSON (a quiz's answers),
    // is validation-message.routes.test.ts's; below, the rule's own walk.
    const text = { ru: 'Вопрос', en: 'Question' };
    const question = {
      id: 'q1',
      text,
      options: [
        { id: 'a', text },
        { id: 'b', text },
      ],
      correct: ['a'],
      extra: '§',
    };
    const quiz = { key: 'deep', kind: 'quiz', title: text, description: text, attemptsGranted: 0, position: 9 };
    const withExtra = (extra: string) =>
      JSON.stringify({
        ...doc,
        tasks: [{ ...quiz, config: { passScore: 1, questions: [question] } }, ...doc.tasks],
      }).replace('"§"', extra);
    const save = (body: string) =>
      w.app.request(`/api/admin/campaigns/${doc.id}`, {
        method: 'PUT',
        headers: { Authorization: w.vkAuth(EDITOR), 'Content-Type': 'application/json' },
        body,
      });

    const deep = await save(withExtra(nested(20_000)));
    expect(deep.status).toBe(422);
    const { error } = (await deep.json()) as { error: { code: string; message: string; issues: { path: string }[] } };
    expect(error.code).toBe('invalid_input');
    expect(error.issues[0]).toMatchObject({ path: 'tasks.0.config.questions.0.extra', code: 'unknown_key' });
    const read = await w.json('GET', `/api/admin/campaigns/${doc.id}`, EDITOR);
    expect(read.body.document.editVersion).toBe(doc.editVersion);
  });

  it('counts containers, not values, and never recurses', () => {
    expect(tooDeepIssue(JSON.parse(nested(MAX_NESTING)))).toBeUndefined();
    expect(tooDeepIssue(JSON.parse(nested(MAX_NESTING + 1)))).toEqual({
      path: Array.from({ length: MAX_NESTING }, () => '0').join('.'),
      message: `Nested deeper than ${MAX_NESTING} levels`,
    });
    expect(tooDeepIssue(JSON.parse(nested(200_000)))?.path.split('.')).toHaveLength(MAX_NESTING);
    expect(tooDeepIssue({ a: 'x'.repeat(10), b: [1, { c: null }] })).toBeUndefined();
  });
});
