/**
 * @module The one place that says which participant write route spends which rate-limit bucket, and the middleware
 * that enforces it together with a per-identity cap on requests in flight. A write route missing from `ROUTE_LIMITS`
 * (and from `UNLIMITED_WRITES`) fails `route-limits.test.ts`, which walks the app's route table.
 */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
import { LaunchError } from '../auth/launch-errors.ts';
import { carriesCredentials, identifyRequest } from '../auth/middleware.ts';
import type { Tx } from '../db/transactions.ts';
import type { Deps } from '../deps.ts';
import { RateLimitedError } from './errors.ts';
import { limiterFor, type RateBucket, retryAfterSeconds } from './rate-limit.ts';
import type { AppEnv } from './router.ts';

/** `METHOD path` as Hono registers it → the bucket one request spends, per verified user. */
export const ROUTE_LIMITS: Record<string, RateBucket> = {
  'POST /api/campaigns/:id/open': 'open',
  'POST /api/campaigns/:id/rules-viewed': 'event',
  'POST /api/campaigns/:id/tasks/:taskKey/start': 'task',
  'POST /api/campaigns/:id/tasks/:taskKey/complete': 'task',
  'POST /api/campaigns/:id/rewards/:rewardKey/claim': 'claim',
  'POST /api/campaigns/:id/quiz/answers': 'claim',
  'POST /api/campaigns/:id/wheel/spin': 'claim',
  // Wrong codes also spend `code_attempt` (promo/codes/code-attempts.ts).
  'POST /api/campaigns/:id/code/play': 'claim',
  // A tester link joins a beta group: once per link, like opening a campaign (a guessed token is 144 random bits).
  'POST /api/beta/join': 'open',
  // Accepting an office invitation or claiming a community's brand: once per person, like a tester link.
  'POST /api/office/invitations/:token/accept': 'open',
  'POST /api/office/community-claim': 'open',
  // Batched telemetry (stats/telemetry.routes.ts): one INSERT per batch, at most 50 events in it.
  'POST /api/telemetry': 'telemetry',
  // Calculator (issue 17): opening is like opening a campaign; a calculation is one cheap write, like a task step.
  'POST /api/campaigns/:id/calculator/open': 'open',
  'POST /api/campaigns/:id/calculator/calculate': 'task',
  'POST /api/campaigns/:id/calculator/lead': 'lead',
  // Catalogue (issue 17): a favourite or a subscription is one cheap write, like a task step.
  'PUT /api/campaigns/:id/offers/:offerId/favourite': 'task',
  'DELETE /api/campaigns/:id/offers/:offerId/favourite': 'task',
  'PUT /api/campaigns/:id/offer-categories/:categoryId/subscription': 'task',
  'DELETE /api/campaigns/:id/offer-categories/:categoryId/subscription': 'task',
  'POST /api/support/tickets': 'support_ticket',
  'POST /api/support/tickets/:ticketId/messages': 'support_message',
  'POST /api/support/tickets/:ticketId/seen': 'task',
  // Help articles: opening one and "did this help?" are screen events, one a fact, a hundred noise.
  'POST /api/support/articles/:articleId/viewed': 'event',
  'POST /api/support/articles/:articleId/feedback': 'event',
  // Local demo only (refused with real VK credentials): stands in for the VK client's consent dialog.
  'POST /api/local/message-allow': 'task',
};

/**
 * Routes of `ROUTE_LIMITS` whose handler spends the bucket itself (`spendRouteLimit`), once it knows the request writes
 * something: a participant's send repeated with its `clientKey` (a retry after a lost answer) writes nothing, so it is
 * neither refused nor counted (decision 049). A request refused as invalid or as another's ticket spends nothing either.
 */
export const SPENT_BY_HANDLER: ReadonlySet<string> = new Set([
  'POST /api/support/tickets',
  'POST /api/support/tickets/:ticketId/messages',
]);

/** Write routes outside the back office that are not limited per user here, and why. */
export const UNLIMITED_WRITES: Record<string, string> = {
  'POST /api/client-errors': 'no verified user: limited per address and identity, sampled, in client-errors/',
  'POST /vk/callback': "VK's servers, checked by the callback secret, de-duplicated by event_id",
  'POST /api/web/logout': 'only clears the caller’s own cookie (same-origin only), writes nothing',
};

/**
 * Requests one identity may have inside this process at once; more wait on nothing and get a 429. Counted per process
 * on purpose: it guards the process's own capacity (event loop, connection pool), so with several API processes a user
 * may hold this many in each; the rate limits, shared through the database on PostgreSQL, bound the total.
 */
export const MAX_IN_FLIGHT_PER_USER = 8;

const inFlightByApp = new WeakMap<object, Map<string, number>>();

/** The `METHOD path` of the handler this request was routed to (the last non-middleware match). */
function routeKey(c: Parameters<typeof matchedRoutes>[0]): string | undefined {
  const routes = matchedRoutes(c);
  for (let i = routes.length - 1; i >= 0; i--) {
    const r = routes[i];
    if (r && r.method !== 'ALL') return `${r.method} ${r.path}`;
  }
  return undefined;
}

async function spend(deps: Deps, user: string, bucket: RateBucket): Promise<void> {
  const wait = await limiterFor(deps).hit(user, bucket, deps.now());
  if (wait > 0) throw new RateLimitedError(retryAfterSeconds(wait));
}

/**
 * Requests whose handler has spent outside any transaction: a transaction that runs again after a serialization
 * failure (PostgreSQL) calls `spendRouteLimit` again, and a store that cannot spend inside it (memory) must not count
 * that request twice.
 */
const spentOutside = new WeakSet<Context<AppEnv>>();

/**
 * Spends the bucket of a `SPENT_BY_HANDLER` route for the caller (429 when over it); its handler calls this when the
 * request is about to write, inside `tx`, its writing transaction, when given: a store kept in that database spends
 * there, counted only if the transaction commits (decision 074); another spends once per request.
 */
export async function spendRouteLimit(c: Context<AppEnv>, tx?: Tx): Promise<void> {
  const key = routeKey(c);
  const bucket = key ? ROUTE_LIMITS[key] : undefined;
  if (!key || !bucket || !SPENT_BY_HANDLER.has(key)) throw new Error(`${key} does not spend its limit in its handler`);
  const identity = c.get('identity');
  const user = `${identity.platform}:${identity.userId}`;
  const deps = c.get('deps');
  const limiter = limiterFor(deps);
  if (tx && limiter.hitWithin) {
    const wait = await limiter.hitWithin(tx, user, bucket, deps.now());
    if (wait > 0) throw new RateLimitedError(retryAfterSeconds(wait));
    return;
  }
  if (spentOutside.has(c)) return;
  await spend(deps, user, bucket);
  spentOutside.add(c);
}

/**
 * For every `/api/*` request: verifies the launch data once when the route needs it (a bad one on a limited route is
 * the usual 401) and puts the identity on the context; counts the route's bucket; and caps the identity's requests in
 * flight, so one user flooding slow routes cannot hold the server's capacity.
 */
export const routeLimits = createMiddleware<AppEnv>(async (c, next) => {
  const key = routeKey(c);
  const bucket = key ? ROUTE_LIMITS[key] : undefined;
  const deps = c.get('deps');
  if (!bucket && !carriesCredentials(c)) return next();
  let user: string;
  try {
    const identity = await identifyRequest(c);
    c.set('identity', identity);
    user = `${identity.platform}:${identity.userId}`;
  } catch (err) {
    // Unlimited routes decide for themselves what a bad launch means (client-errors accepts it).
    if (!bucket && err instanceof LaunchError) return next();
    throw err;
  }
  if (bucket && !(key && SPENT_BY_HANDLER.has(key))) await spend(deps, user, bucket);
  let inFlight = inFlightByApp.get(deps);
  if (!inFlight) {
    inFlight = new Map();
    inFlightByApp.set(deps, inFlight);
  }
  const held = inFlight.get(user) ?? 0;
  if (held >= MAX_IN_FLIGHT_PER_USER) {
    throw new RateLimitedError(1, 'too_many_in_flight', `At most ${MAX_IN_FLIGHT_PER_USER} requests at once per user`);
  }
  inFlight.set(user, held + 1);
  try {
    await next();
  } finally {
    const left = (inFlight.get(user) ?? 1) - 1;
    if (left === 0) inFlight.delete(user);
    else inFlight.set(user, left);
  }
});
