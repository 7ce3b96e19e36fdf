/**
 * The participant's first-screen answers, embedded in index.html so the app draws without another round trip.
 * The launch in the page URL is verified with the same function every API request uses (`identify`); a forged,
 * expired or foreign launch gets no data. The answers are the API's own, computed in-process (`app.request`), so
 * they are exactly what the client would have fetched.
 */

import { LaunchError } from '../auth/launch-errors.ts';
import { identify } from '../auth/middleware.ts';
import type { Deps } from '../deps.ts';

/** The id of the page's `<script type="application/json">` with the data (read by miniapp/boot/). */
export const FIRST_SCREEN_DATA_ID = 'promo-first-screen';

/** Which launch the served build reads from its URL (Telegram's is in the fragment, which the server never sees). */
export type PagePlatform = 'vk' | 'ok' | 'telegram';

export interface InProcessApp {
  request(path: string, init: RequestInit): Response | Promise<Response>;
}

/** The `Authorization` the client will send for this page URL's query, as its platform adapter builds it. */
export function launchAuthorization(platform: PagePlatform, rawQuery: string): string | undefined {
  if (rawQuery === '' || platform === 'telegram') return undefined;
  return `${platform === 'ok' ? 'OK' : 'VK'} ${rawQuery}`;
}

/**
 * What the first screen reads: a deep-linked campaign's state (OK `custom_args` route), else the list and whether
 * the office opens for this person (the list screen's entry to it, miniapp/office-access.ts): embedded, so the page
 * reads nothing from the API. The office answer is no secret to its owner: a participant's says "nothing". Not the
 * identity: no screen shows it, and every answer here is already for the launch as verified (decision 043).
 */
export function firstScreenPaths(platform: PagePlatform, rawQuery: string): string[] {
  const customArgs = platform === 'ok' ? new URLSearchParams(rawQuery).get('custom_args') : null;
  const route = customArgs ? new URLSearchParams(customArgs).get('route') : null;
  const campaign = route ? /^\/campaigns?\/(\d+)/.exec(route) : null;
  return campaign ? [`/api/campaigns/${campaign[1]}/state`] : ['/api/campaigns', '/api/admin/office'];
}

/** The answers keyed by API path, or undefined when the launch does not verify or nothing answered 200. */
export async function firstScreenData(
  app: InProcessApp,
  deps: Pick<Deps, 'config' | 'db' | 'now'>,
  platform: PagePlatform,
  rawQuery: string,
): Promise<Record<string, unknown> | undefined> {
  const authorization = launchAuthorization(platform, rawQuery);
  if (!authorization) return undefined;
  try {
    await identify(authorization, deps);
  } catch (err) {
    if (err instanceof LaunchError) return undefined;
    throw err;
  }
  // Side by side, as the client would ask them: the page waits for the slower answer, not for their sum (on
  // PostgreSQL each is a round trip to the database).
  const paths = firstScreenPaths(platform, rawQuery);
  const answers = await Promise.all(
    paths.map(async (path) => {
      const res = await app.request(path, { headers: { Authorization: authorization } });
      return res.status === 200 ? ([path, await res.json()] as const) : undefined;
    }),
  );
  const data = Object.fromEntries(answers.filter((answer) => answer !== undefined));
  return Object.keys(data).length > 0 ? data : undefined;
}

/** JSON that cannot end the `<script>` element it sits in, nor be read as markup. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}
