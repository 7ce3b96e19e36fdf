/**
 * @module A stand-in for VK ID (OAuth 2.1 with PKCE, id.vk.com) on 127.0.0.1, faithful to the shapes VK ID documents:
 * `GET /authorize` signs a user in and redirects to `redirect_uri` with `code`, `state`, `device_id`, `type=code_v2`
 * and `expires_in`; `POST /oauth2/auth` (form body, `grant_type=authorization_code`) exchanges a code once, only with
 * the `code_verifier` whose S256 hash was the `code_challenge`, the same `device_id` and `redirect_uri`;
 * `POST /oauth2/user_info` (form body `client_id`, `access_token`) answers `{ user: { user_id, first_name, … } }`.
 * Errors answer `{ error, error_description, state? }` with a 4xx.
 *
 * Two users of it: the tests' fake (tests/fakes/vk-id.ts: whoever the test set signs in at once) and `npm start`'s
 * local web entry (local-vk-id.ts: the person at the keyboard picks a demo user). Who signs in is the only difference.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Context, Hono } from 'hono';

export interface VkIdUser {
  /** A number, as VK ID writes it; a string, for a test of an id no JavaScript number holds exactly. */
  userId: number | string;
  firstName: string;
  lastName: string;
}

export interface VkIdExchange {
  code: string;
  ok: boolean;
  error?: string;
}

export interface VkIdStandInOptions {
  clientId: string;
  /**
   * Who a valid `/authorize` request signs in: a user (signed in at once), or a page to answer instead (an account
   * chooser that comes back to `/authorize` with its choice).
   */
  signIn: (c: Context, authorize: URL) => VkIdUser | Response;
  /** Told of every code exchange attempt, with its outcome. */
  onExchange?: (exchange: VkIdExchange) => void;
}

export interface RunningVkIdStandIn {
  /** Base URL, e.g. `http://127.0.0.1:41234` (what `VK_ID_BASE_URL` is set to). */
  url: string;
  close(): Promise<void>;
}

interface IssuedCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  deviceId: string;
  state: string;
  user: VkIdUser;
  expiresAt: number;
}

const token = () => randomBytes(24).toString('base64url');
const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');
/** RFC 7636: 43–128 characters of [A-Za-z0-9-._~]; VK ID documents a-z, A-Z, 0-9, _ and -. */
const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;
const CODE_TTL_MS = 600_000;

const fail = (status: 400 | 401, error: string, description: string, state?: string) =>
  new Response(JSON.stringify({ error, error_description: description, ...(state ? { state } : {}) }), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

export function vkIdStandInApp(options: VkIdStandInOptions): Hono {
  const codes = new Map<string, IssuedCode>();
  const tokens = new Map<string, VkIdUser>();
  const exchanged = (exchange: VkIdExchange) => options.onExchange?.(exchange);
  const app = new Hono();

  app.get('/authorize', (c) => {
    const q = c.req.query();
    if (q.response_type !== 'code') return fail(400, 'unsupported_response_type', 'response_type must be code');
    if (q.client_id !== options.clientId) return fail(400, 'invalid_client', 'unknown client_id');
    if (!q.redirect_uri || !URL.canParse(q.redirect_uri)) return fail(400, 'invalid_request', 'redirect_uri');
    if (q.code_challenge_method !== 's256' && q.code_challenge_method !== 'S256') {
      return fail(400, 'invalid_request', 'code_challenge_method must be S256');
    }
    if (!q.code_challenge || !q.state) return fail(400, 'invalid_request', 'code_challenge and state are required');
    const user = options.signIn(c, new URL(c.req.url));
    if (user instanceof Response) return user;
    const code = `vk2.a.${token()}`;
    const deviceId = token();
    codes.set(code, {
      clientId: q.client_id,
      redirectUri: q.redirect_uri,
      challenge: q.code_challenge,
      deviceId,
      state: q.state,
      user,
      expiresAt: Date.now() + CODE_TTL_MS,
    });
    const back = new URL(q.redirect_uri);
    back.searchParams.set('code', code);
    back.searchParams.set('expires_in', String(CODE_TTL_MS / 1000));
    back.searchParams.set('device_id', deviceId);
    back.searchParams.set('state', q.state);
    back.searchParams.set('type', 'code_v2');
    return c.redirect(back.toString(), 302);
  });

  app.post('/oauth2/auth', async (c) => {
    const f = (await c.req.parseBody()) as Record<string, string>;
    const code = String(f.code ?? '');
    const refuse = (error: string, description: string) => {
      exchanged({ code, ok: false, error });
      return fail(400, error, description, f.state);
    };
    if (f.grant_type !== 'authorization_code') return refuse('unsupported_grant_type', 'grant_type');
    const issued = codes.get(code);
    // A code is good for one exchange, whatever its outcome (OAuth 2.1 §4.1.3).
    codes.delete(code);
    if (!issued || issued.expiresAt < Date.now()) return refuse('invalid_grant', 'code is invalid or expired');
    if (f.client_id !== issued.clientId) return refuse('invalid_client', 'client_id does not match the code');
    if (f.redirect_uri !== issued.redirectUri) return refuse('invalid_grant', 'redirect_uri does not match');
    if (f.device_id !== issued.deviceId) return refuse('invalid_grant', 'device_id does not match');
    const verifier = String(f.code_verifier ?? '');
    if (!VERIFIER.test(verifier) || s256(verifier) !== issued.challenge) {
      return refuse('invalid_grant', 'code_verifier does not match code_challenge');
    }
    const accessToken = token();
    tokens.set(accessToken, issued.user);
    exchanged({ code, ok: true });
    return c.json({
      refresh_token: token(),
      access_token: accessToken,
      id_token: token(),
      token_type: 'Bearer',
      expires_in: 3600,
      user_id: issued.user.userId,
      state: f.state,
      scope: 'vkid.personal_info',
    });
  });

  app.post('/oauth2/user_info', async (c) => {
    const f = (await c.req.parseBody()) as Record<string, string>;
    if (f.client_id !== options.clientId) return fail(400, 'invalid_client', 'unknown client_id');
    const user = tokens.get(String(f.access_token ?? ''));
    if (!user) return fail(401, 'invalid_token', 'access_token is invalid or expired');
    return c.json({
      user: {
        user_id: String(user.userId),
        first_name: user.firstName,
        last_name: user.lastName,
        avatar: '',
        sex: 0,
        verified: false,
        birthday: '',
      },
    });
  });
  return app;
}

/** Serves the stand-in on a free loopback port: VK ID is another origin than the app, as id.vk.com is. */
export async function startVkIdStandIn(options: VkIdStandInOptions): Promise<RunningVkIdStandIn> {
  const app = vkIdStandInApp(options);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
