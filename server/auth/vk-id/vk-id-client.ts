/**
 * @module The server's two calls to VK ID (OAuth 2.1): the code exchange `POST /oauth2/auth` with the PKCE
 * verifier and the device id VK ID returned, then `POST /oauth2/user_info` with the access token, whose `user_id`
 * must be the one the exchange named. Answers are checked with zod; anything else is a `VkIdError`.
 */
import { z } from 'zod';
import { boundedId, MAX_VK_ID } from '../launch-ids.ts';

export class VkIdError extends Error {
  override name = 'VkIdError';
  constructor(
    /** VK ID's `error` (e.g. `invalid_grant`) or ours (`unreachable`, `bad_answer`, `user_mismatch`). */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface CodeExchange {
  baseUrl: string;
  clientId: number;
  code: string;
  codeVerifier: string;
  deviceId: string;
  redirectUri: string;
  state: string;
}

/**
 * A VK user id as VK ID writes it (a number in the token answer, a string in user_info), bounded as a launch's
 * `vk_user_id` is (launch-ids.ts): the same user, the same ids this server holds exactly; as its decimal string.
 */
const vkUserId = z
  .union([z.number().int().positive(), z.string()])
  .transform((v) => boundedId(String(v), MAX_VK_ID))
  .pipe(z.string());
const tokenAnswer = z.object({ access_token: z.string().min(1), user_id: vkUserId, state: z.string().optional() });
const userInfoAnswer = z.object({ user: z.object({ user_id: vkUserId }) });
const errorAnswer = z.object({ error: z.string(), error_description: z.string().optional() });

/** VK ID answers within a few hundred ms; a login waits at most this long for each call. */
const TIMEOUT_MS = 10_000;

async function post(url: string, form: Record<string, string>): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    throw new VkIdError('unreachable', `VK ID cannot be reached: ${err instanceof Error ? err.message : err}`);
  }
  const body: unknown = await res.json().catch(() => undefined);
  const refused = errorAnswer.safeParse(body);
  if (refused.success) {
    throw new VkIdError(refused.data.error, refused.data.error_description ?? refused.data.error);
  }
  if (!res.ok) throw new VkIdError('bad_answer', `VK ID answered HTTP ${res.status}`);
  return body;
}

/**
 * Exchanges a login's code and returns the VK user id, confirmed by user_info.
 * @example await vkIdUser({ baseUrl: 'https://id.vk.com', clientId: 52000001, code, codeVerifier, deviceId, redirectUri, state })
 */
export async function vkIdUser(x: CodeExchange): Promise<string> {
  const base = x.baseUrl.replace(/\/$/, '');
  const clientId = String(x.clientId);
  const tokens = tokenAnswer.safeParse(
    await post(`${base}/oauth2/auth`, {
      grant_type: 'authorization_code',
      code: x.code,
      code_verifier: x.codeVerifier,
      client_id: clientId,
      device_id: x.deviceId,
      redirect_uri: x.redirectUri,
      state: x.state,
    }),
  );
  if (!tokens.success) {
    throw new VkIdError(
      'bad_answer',
      `VK ID token answer has no access_token or no user_id (a VK id, 1 to ${MAX_VK_ID})`,
    );
  }
  if (tokens.data.state !== undefined && tokens.data.state !== x.state) {
    throw new VkIdError('bad_answer', 'VK ID token answer is for another state');
  }
  const info = userInfoAnswer.safeParse(
    await post(`${base}/oauth2/user_info`, { client_id: clientId, access_token: tokens.data.access_token }),
  );
  if (!info.success)
    throw new VkIdError('bad_answer', `VK ID user_info answer has no user_id (a VK id, 1 to ${MAX_VK_ID})`);
  if (info.data.user.user_id !== tokens.data.user_id) {
    throw new VkIdError('user_mismatch', 'VK ID user_info names another user than the token');
  }
  return tokens.data.user_id;
}
