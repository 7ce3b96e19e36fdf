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
