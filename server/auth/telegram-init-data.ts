/**
 * @module Telegram Mini App `initData`, checked as core.telegram.org/bots/webapps describes:
 * secret = HMAC-SHA256(key "WebAppData", bot token); hash = hex HMAC-SHA256(secret, data-check-string)
 * where the data-check-string is every field but `hash` (the `signature` field stays in), sorted, `\n`-joined.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { type Identity, launchRef, uiLanguage, type VerifiedLaunch } from './identity.ts';
import { BadSignatureError, MalformedLaunchError, MissingLaunchError } from './launch-errors.ts';
import { boundedId, MAX_TELEGRAM_USER_ID } from './launch-ids.ts';
import { assertFresh } from './time-window.ts';
import { parseLaunchQuery } from './vk-sign.ts';

export interface TelegramVerifyOptions {
  botToken: string;
  ttlSeconds: number;
  now?: number;
}

export function telegramDataCheckString(params: Map<string, string>): string {
  return [...params.entries()]
    .filter(([key]) => key !== 'hash')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('\n');
}

export function telegramHash(params: Map<string, string>, botToken: string): string {
  const secret = createHmac('sha256', 'WebAppData').update(botToken).digest();
  return createHmac('sha256', secret).update(telegramDataCheckString(params)).digest('hex');
}

/**
 * Signs fields into an `initData` string as Telegram would (local launcher and tests only).
 * @example signTelegramInitData({ auth_date: '1700000000', user: '{"id":1}' }, '1:AA')
 */
export function signTelegramInitData(values: Record<string, string>, botToken: string): string {
  const params = new Map(Object.entries(values));
  return new URLSearchParams([...params.entries(), ['hash', telegramHash(params, botToken)]]).toString();
}

interface TelegramUser {
  id: number;
  language_code?: string;
}

export function verifyTelegramInitData(raw: string, options: TelegramVerifyOptions): Identity {
  return readTelegramInitData(raw, options).identity;
}

/** Verifies `initData` and returns the identity with the `auth_date` this same parse read (see `readVkLaunch`). */
export function readTelegramInitData(raw: string, options: TelegramVerifyOptions): VerifiedLaunch {
  const params = parseLaunchQuery(raw);
  const hash = params.get('hash');
  if (!hash) throw new MissingLaunchError('hash is missing');
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new BadSignatureError('hash is not a hex SHA-256 digest');
  if (!options.botToken) throw new BadSignatureError('Telegram bot token is not configured');
  const expected = Buffer.from(telegramHash(params, options.botToken));
  if (!timingSafeEqual(expected, Buffer.from(hash))) throw new BadSignatureError('hash does not match');
  const authDate = params.get('auth_date');
  if (!authDate || !/^\d{1,12}$/.test(authDate)) throw new MalformedLaunchError('auth_date is missing or invalid');
  assertFresh(Number(authDate), options.now ?? Date.now(), options.ttlSeconds, 'auth_date');
  let user: TelegramUser;
  try {
    user = JSON.parse(params.get('user') ?? '') as TelegramUser;
  } catch {
    throw new MalformedLaunchError('user is not JSON');
  }
  if (
    typeof user !== 'object' ||
    user === null ||
    !Number.isSafeInteger(user.id) ||
    boundedId(String(user.id), MAX_TELEGRAM_USER_ID) === undefined
  ) {
    throw new MalformedLaunchError(`user.id is missing or not a Telegram user id (1 to ${MAX_TELEGRAM_USER_ID})`);
  }
  const botId = options.botToken.split(':')[0] ?? '';
  const identity: Identity = {
    platform: 'telegram',
    userId: String(user.id),
    appId: botId,
    language: uiLanguage(user.language_code),
    platformDetail: 'telegram',
    ...launchRef(params.get('start_param')),
  };
  return { identity, issuedAt: Number(authDate), issuedAtField: 'auth_date' };
}
