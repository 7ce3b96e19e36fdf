/**
 * JSON nested thousands deep in a free-form field (a task's config takes any keys) was stored with `JSON.stringify`,
 * which recurses: an office member's 40 KB save was a 500. Now any body, query or update nested deeper than
 * `MAX_NESTING` is a 422 naming where it went too deep, before any handler runs; shapes the product uses pass.
 */
import { describe, expect, it } from 'vitest';
import { closedAfterTest } from '../../tests/support/world-per-test.ts';
import { createOfficeWorld, EDITOR, type OfficeWorld } from '../office/campaigns/office-campaign.test-world.ts';
import { MAX_NESTING, tooDeepIssue } from './nesting-depth.ts';

let w: OfficeWorld;

const nested = (depth: number) => `${'['.repeat(depth)}"a"${']'.repeat(depth)}`;

describe('how deep a request may nest', () => {
  it('a campaign saved with a task config nested 20,000 deep: 422 at the place, nothing written; 30 deep is kept', async () => {
    w = closedAfterTest(await createOfficeWorld());
    const made = await w.json('POST', '/api/admin/campaigns', EDITOR, {
      brandId: w.brandId,
      templateKey: 'tasks-reward',
    });
    expect(made.status).toBe(201);
    const doc = made.body;
    const withExtra = (extra: string) =>
      JSON.stringify({
        ...doc,
        tasks: doc.tasks.map((t: object, i: number) =>
          i === 0 ? { ...t, config: { ...(t as { config: object }).config, extra: '§' } } : t,
        ),
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
    const path = `tasks.0.config.extra${'.0'.repeat(MAX_NESTING - 4)}`;
    expect(error.issues[0]?.path).toBe(path);
    expect(error.message).toContain(`Nested deeper than ${MAX_NESTING} levels`);
    const read = await w.json('GET', `/api/admin/campaigns/${doc.id}`, EDITOR);
    expect(read.body.document.editVersion).toBe(doc.editVersion);

    const fine = await save(withExtra(nested(MAX_NESTING - 5)));
    expect(fine.status).toBe(200);
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
