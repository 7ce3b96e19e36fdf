/**
 * A 404 names the route it did not find, but echoes at most the first 200 characters of the path (then "…"):
 * a request for a huge path never gets it reflected back whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../../tests/support/test-deps.ts';
import { createApp } from '../app.ts';

let world: TestWorld;
let app: ReturnType<typeof createApp>;
beforeAll(() => {
  world = createTestWorld();
  app = createApp(world.deps);
});
afterAll(async () => world.close());

const notFound = async (path: string, method = 'GET') => {
  const res = await app.request(path, { method });
  return { status: res.status, error: ((await res.json()) as { error: { code: string; message: string } }).error };
};

describe('404 for an unknown route', () => {
  it('a short path is named whole', async () => {
    expect(await notFound('/api/no-such-thing')).toEqual({
      status: 404,
      error: { code: 'not_found', message: 'No route for GET /api/no-such-thing' },
    });
  });

  it('a path of exactly 200 characters is named whole', async () => {
    const path = `/api/${'a'.repeat(195)}`;
    expect((await notFound(path)).error.message).toBe(`No route for GET ${path}`);
  });

  it('a path of thousands of characters: its first 200 and "…", never the rest', async () => {
    const path = `/api/${'a'.repeat(195)}${'b'.repeat(7_800)}`;
    const { status, error } = await notFound(path, 'DELETE');
    expect(status).toBe(404);
    expect(error.message).toBe(`No route for DELETE /api/${'a'.repeat(195)}…`);
    expect(error.message).not.toContain('b');
  });

  it('the cut never leaves half of a character', async () => {
    const { error } = await notFound(`/api/${'a'.repeat(194)}😀${'z'.repeat(50)}`);
    expect(error.message).toBe(`No route for GET /api/${'a'.repeat(194)}…`);
    expect(error.message).not.toMatch(/[\uD800-\uDFFF]/);
  });
});
