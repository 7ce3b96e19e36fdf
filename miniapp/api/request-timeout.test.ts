/** A request the network swallowed ends as a retryable network error, not a screen loading for good. */
import { afterEach, expect, it, vi } from 'vitest';
import { ApiRequestError, createApiClient, REQUEST_TIMEOUT_MS } from './client.ts';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

it('a read left unanswered for 15 s fails as a retryable network error, and its request is aborted', async () => {
  vi.useFakeTimers();
  const signals: AbortSignal[] = [];
  vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
    signals.push(init.signal as AbortSignal);
    return new Promise((_resolve, reject) => {
      init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
  });
  const api = createApiClient('https://api.example', 'VK x');
  const result = api.campaign(7).then(
    () => 'answered',
    (e: unknown) => e,
  );
  await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS.read - 1);
  expect(signals[0]?.aborted).toBe(false);
  await vi.advanceTimersByTimeAsync(1);
  const error = await result;
  expect(error).toBeInstanceOf(ApiRequestError);
  expect(error).toMatchObject({ status: 0, code: 'network', retryable: true });
  expect(signals[0]?.aborted).toBe(true);
});
