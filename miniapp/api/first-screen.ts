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

/**
 * The bodies the server embedded in the page for all of `paths`, read synchronously so the first render draws them;
 * taken (used once) only when every one is there and was embedded for this launch, otherwise left for
 * `takeFirstScreenResponse`.
 */
export function takeEmbeddedFirstScreen(paths: readonly string[], authorization: string): unknown[] | undefined {
  const entries = (globalThis as { __promoFirstScreen?: FirstScreenEntries }).__promoFirstScreen;
  if (!entries) return undefined;
  const found = paths.map((path) => entries[path]);
  if (!found.every((entry) => entry?.embedded && entry.authorization === authorization)) return undefined;
  for (const path of paths) delete entries[path];
  return found.map((entry) => entry?.embedded?.body);
}
