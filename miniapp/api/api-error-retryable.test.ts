/** Which failed calls the app offers to retry (LoadState): only those that can answer differently the next time. */
import { expect, it } from 'vitest';
import { ApiRequestError } from './client.ts';

it('a lost connection, a 5xx, a 429 and a 408 are worth retrying; a 404, 403, 409 or 422 is not', () => {
  const retryable = (status: number) => new ApiRequestError(status, 'x', 'x').retryable;
  expect([0, 500, 502, 503, 429, 408].map(retryable)).toEqual([true, true, true, true, true, true]);
  expect([400, 401, 403, 404, 409, 410, 422].map(retryable)).toEqual([false, false, false, false, false, false, false]);
});
