import { afterAll, describe, expect, it } from 'vitest';
import { createTestWorld } from '../../tests/support/test-deps.ts';
import { firstScreenData, type InProcessApp } from './first-screen-data.ts';

const world = createTestWorld();
afterAll(() => world.close());

describe('item 2: the first-screen data of the page', () => {
  it('item 2: the campaign list and the office answer are asked side by side, so the page waits for the slower, not the sum', async () => {
    let inFlight = 0;
    let most = 0;
    const asked: string[] = [];
    const app: InProcessApp = {
      async request(path) {
        asked.push(path);
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 20));
        inFlight--;
        return Response.json({ path });
      },
    };
    const query = world.vkAuth(4242).replace(/^VK /, '');
    const data = await firstScreenData(app, world.deps, 'vk', query);
    expect(asked.sort()).toEqual(['/api/admin/office', '/api/campaigns']);
    expect(most).toBe(2);
    expect(data).toEqual({
      '/api/campaigns': { path: '/api/campaigns' },
      '/api/admin/office': { path: '/api/admin/office' },
    });
  });

  it('item 2: an answer that is not 200 is left out; none at all embeds nothing', async () => {
    const query = world.vkAuth(4243).replace(/^VK /, '');
    const some: InProcessApp = {
      request: (path) =>
        path === '/api/campaigns' ? Response.json({ campaigns: [] }) : new Response('{}', { status: 503 }),
    };
    expect(await firstScreenData(some, world.deps, 'vk', query)).toEqual({ '/api/campaigns': { campaigns: [] } });
    const none: InProcessApp = { request: () => new Response('{}', { status: 500 }) };
    expect(await firstScreenData(none, world.deps, 'vk', query)).toBeUndefined();
  });
});
