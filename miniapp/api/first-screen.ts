/**
 * Takes an answer that index.html already has for a GET (embedded by the server or requested by the inline
 * script, miniapp/boot/first-screen-requests.ts): once, and only when it was asked with this launch.
 */
import type { FirstScreenEntries } from '../boot/first-screen-requests.ts';

export function takeFirstScreenResponse(
  path: string,
  authorization: string,
): Promise<{ status: number; body: unknown }> | undefined {
  const entries = (globalThis as { __promoFirstScreen?: FirstScreenEntries }).__promoFirstScreen;
  const entry = entries?.[path];
  if (!entries || !entry) return undefined;
  delete entries[path];
  return entry.authorization === authorization ? entry.response : undefined;
}

/** Drops what the page holds for `path`, unread: it is out of date (the office's answer after a change to it). */
export function dropFirstScreenResponse(path: string): void {
  const entries = (globalThis as { __promoFirstScreen?: FirstScreenEntries }).__promoFirstScreen;
  if (entries) delete entries[path];
}

/**
 * The bodies the page already holds for all of `paths` (embedded by the server, or early requests already
 * answered), read synchronously so the first render draws them; taken (used once) only when every one is there and
 * was asked with this launch, otherwise left for `takeFirstScreenResponse`.
 */
export function takeReadyFirstScreen(paths: readonly string[], authorization: string): unknown[] | undefined {
  const entries = (globalThis as { __promoFirstScreen?: FirstScreenEntries }).__promoFirstScreen;
  if (!entries) return undefined;
  const found = paths.map((path) => entries[path]);
  if (!found.every((entry) => entry?.ready && entry.authorization === authorization)) return undefined;
  for (const path of paths) delete entries[path];
  return found.map((entry) => entry?.ready?.body);
}

/**
 * Resolves when every early request has been answered, or after `maxWaitMs`: the shell waits this long before its
 * first render rather than drawing a spinner and then the screen (one render instead of two on a slow phone).
 */
export function firstScreenAnswered(maxWaitMs: number): Promise<void> {
  const entries = (globalThis as { __promoFirstScreen?: FirstScreenEntries }).__promoFirstScreen;
  const pending = Object.values(entries ?? {}).filter((entry) => !entry.ready);
  if (pending.length === 0) return Promise.resolve();
  return new Promise((resolve) => {
    setTimeout(resolve, maxWaitMs);
    void Promise.all(pending.map((entry) => entry.response)).then(() => resolve());
  });
}
