/**
 * A 401 (the identity refused) is told to the client's owner before the error is thrown: the web entry signs in again
 * there (AppConfig, main.tsx). Other refusals are the screen's to show.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { ApiRequestError, createApiClient } from './client.ts';

afterEach(() => vi.unstubAllGlobals());

function answering(status: number) {
  vi.stubGlobal('fetch', async () =>
    Response.json({ error: { code: status === 401 ? 'unauthorized' : 'forbidden', message: 'no' } }, { status }),
  );
}

it('a 401 from a read, a write or a download calls onUnauthorized once each and still throws', async () => {
  answering(401);
  const onUnauthorized = vi.fn();
  const api = createApiClient('https://api.example', '', onUnauthorized);
  await expect(api.campaign(7)).rejects.toBeInstanceOf(ApiRequestError);
  await expect(api.request('POST', '/api/campaigns/7/join', {})).rejects.toMatchObject({ status: 401 });
  await expect(api.download('/api/admin/stats.csv')).rejects.toMatchObject({ status: 401 });
  expect(onUnauthorized).toHaveBeenCalledTimes(3);
});

it('a 403 or a 500 is not a sign-out', async () => {
  const onUnauthorized = vi.fn();
  const api = createApiClient('https://api.example', '', onUnauthorized);
  answering(403);
  await expect(api.campaign(7)).rejects.toMatchObject({ status: 403 });
  answering(500);
  await expect(api.campaign(7)).rejects.toMatchObject({ status: 500 });
  expect(onUnauthorized).not.toHaveBeenCalled();
});
