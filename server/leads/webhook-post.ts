/**
 * @module The one network call of the CRM webhook: a POST through node:http(s) whose connection goes through the SSRF
 * guard (server/leads/webhook-address-guard.ts) — a literal address is checked before connecting, a name on every
 * address DNS answers at connect time. Redirects are not followed (a 3xx is an answer, not a new destination).
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { ForbiddenAddressError, forbiddenAddressClass, guardedLookup, type Resolve } from './webhook-address-guard.ts';
import type { SignedRequest } from './webhook-delivery.ts';

export interface PostOptions {
  timeoutMs: number;
  /** `CRM_WEBHOOK_ALLOW_LOCAL`: no address guard and plain http allowed (tests and local development). */
  allowLocal: boolean;
  resolve?: Resolve;
}

/** Sends the signed request; resolves with the HTTP status, rejects with the network, guard or timeout error. */
export function postWebhook(req: SignedRequest, options: PostOptions): Promise<number> {
  const url = new URL(req.url);
  if (url.protocol !== 'https:' && !(options.allowLocal && url.protocol === 'http:')) {
    return Promise.reject(new ForbiddenAddressError(`${url.protocol} is not allowed, only https:`));
  }
  const literal = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const bad = isIP(literal) ? forbiddenAddressClass(literal) : undefined;
  if (bad && !options.allowLocal) return Promise.reject(new ForbiddenAddressError(`${literal} is a ${bad} address`));
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = send(
      url,
      {
        method: 'POST',
        headers: { ...req.headers, 'Content-Length': String(Buffer.byteLength(req.body)) },
        signal: AbortSignal.timeout(options.timeoutMs),
        ...(options.allowLocal ? {} : { lookup: guardedLookup(options.resolve) }),
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(req.body);
  });
}
