/**
 * @module The CRM webhook's HMAC secret at rest: sealed with `SECRETS_KEY` like every stored token
 * (server/office/agency/secret-box.ts), bound to its calculator's campaign, never answered back.
 */
import type { Config } from '../config.ts';
import { ApiError } from '../http/errors.ts';
import { secretKeysOf } from '../office/agency/agency-secrets.ts';
import { open, seal } from '../office/agency/secret-box.ts';

const place = (campaignId: number) => `campaign:${campaignId}:crm-webhook`;

export function sealWebhookSecret(config: Config, campaignId: number, secret: string): string {
  const keys = secretKeysOf(config);
  if (!keys) throw new ApiError(503, 'secrets_key_missing', 'This server has no SECRETS_KEY to store secrets with');
  return seal(keys, secret, place(campaignId));
}

/** The plain secret for signing; throws (SecretBoxError) when no configured key opens it. */
export function openWebhookSecret(config: Config, campaignId: number, sealed: string): string {
  const keys = secretKeysOf(config);
  if (!keys) throw new Error('SECRETS_KEY is not configured');
  return open(keys, sealed, place(campaignId));
}
