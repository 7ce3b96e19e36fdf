import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  BadSignatureError,
  ExpiredLaunchError,
  MalformedLaunchError,
  MissingLaunchError,
  WrongAppError,
} from './launch-errors.ts';
import { okAuthSig, okParamsSig, signOkLaunch, verifyOkLaunch } from './ok-sign.ts';
import { signTelegramInitData, telegramDataCheckString, verifyTelegramInitData } from './telegram-init-data.ts';
import { parseLaunchQuery } from './vk-sign.ts';

describe('OK auth_sig', () => {
  const opts = { appKey: 'CBAKEY', appSecret: 'SECRET' };
  it('is md5(logged_user_id + session_key + secret)', async () => {
    // md5("a" + "b" + "c") = md5("abc"), RFC 1321's test vector.
    expect(okAuthSig('a', 'b', 'c')).toBe('900150983cd24fb0d6963f7d28e17f72');
  });
  it('verifies a signed launch and yields the OK identity', async () => {
    const q = signOkLaunch(
      { logged_user_id: '575', session_key: 'abc', application_key: 'CBAKEY', mob_platform: 'android' },
      'SECRET',
    );
    expect(verifyOkLaunch(q, opts)).toMatchObject({
      platform: 'ok',
      userId: '575',
      appId: 'CBAKEY',
      platformDetail: 'android',
    });
  });
  it('refuses a tampered user, another app and missing parts', async () => {
    const q = signOkLaunch({ logged_user_id: '575', session_key: 'abc', application_key: 'CBAKEY' }, 'SECRET');
    expect(() => verifyOkLaunch(q.replace('575', '576'), opts)).toThrow(BadSignatureError);
    expect(() => verifyOkLaunch(q, { ...opts, appKey: 'OTHER' })).toThrow(WrongAppError);
    expect(() => verifyOkLaunch('logged_user_id=1&session_key=s', opts)).toThrow(MissingLaunchError);
    expect(() => verifyOkLaunch('logged_user_id=x&session_key=s&auth_sig=00', opts)).toThrow(MalformedLaunchError);
    // Signed, but not a user id of one spelling: 0, a leading zero (the same user twice), 20 digits.
    for (const id of ['0', '0575', '12345678901234567890']) {
      const signed = signOkLaunch({ logged_user_id: id, session_key: 'abc', application_key: 'CBAKEY' }, 'SECRET');
      expect(() => verifyOkLaunch(signed, opts), id).toThrow(MalformedLaunchError);
    }
  });
  it('sig is md5 of the sorted key=value pairs and the secret, sig itself left out', async () => {
    const pairs: [string, string][] = [
      ['session_key', 'abc'],
      ['logged_user_id', '575'],
      ['sig', 'ignored'],
      ['application_key', 'CBAKEY'],
    ];
    // md5("application_key=CBAKEYlogged_user_id=575session_key=abcSECRET"), computed apart.
    expect(okParamsSig(pairs, 'SECRET')).toBe(
      createHash('md5').update('application_key=CBAKEYlogged_user_id=575session_key=abcSECRET').digest('hex'),
    );
  });
  it('refuses a launch re-split between user id and session key (auth_sig alone cannot tell), and one without sig', async () => {
    const genuine = new URLSearchParams(
      signOkLaunch({ logged_user_id: '575123456789', session_key: '-s-3f1ce0a9', application_key: 'CBAKEY' }, 'SECRET'),
    );
    expect(verifyOkLaunch(genuine.toString(), opts).userId).toBe('575123456789');
    const forged = new URLSearchParams(genuine);
    forged.set('logged_user_id', '57512345678');
    forged.set('session_key', '9-s-3f1ce0a9');
    // The same auth_sig covers both splits.
    expect(okAuthSig('57512345678', '9-s-3f1ce0a9', 'SECRET')).toBe(genuine.get('auth_sig'));
    expect(() => verifyOkLaunch(forged.toString(), opts)).toThrow(BadSignatureError);
    const unsigned = new URLSearchParams(genuine);
    unsigned.delete('sig');
    expect(() => verifyOkLaunch(unsigned.toString(), opts)).toThrow(MissingLaunchError);
    const extra = new URLSearchParams(genuine);
    extra.set('refplace', 'banner');
    expect(() => verifyOkLaunch(extra.toString(), opts)).toThrow(BadSignatureError);
  });
});

describe('Telegram initData', () => {
  const botToken = '5768337691:AAH5YkoiEuPk8-FZa32hStHTqXiLPtAEhx8';
  const now = Date.UTC(2026, 0, 1);
  const authDate = String(now / 1000 - 60);
  const fields = {
    query_id: 'AAHdF6IQAAAAAN0XohDhrOrc',
    user: '{"id":279058397,"first_name":"Vladislav","last_name":"Kibenko","username":"vdkfrost","language_code":"ru","is_premium":true}',
    auth_date: authDate,
    signature: 'abc123signature',
  };

  it('follows the documented algorithm: HMAC("WebAppData", token) → HMAC over sorted fields incl. signature', async () => {
    const raw = signTelegramInitData(fields, botToken);
    const params = parseLaunchQuery(raw);
    const dcs = `auth_date=${authDate}\nquery_id=${fields.query_id}\nsignature=${fields.signature}\nuser=${fields.user}`;
    expect(telegramDataCheckString(params)).toBe(dcs);
    const secret = createHmac('sha256', 'WebAppData').update(botToken).digest();
    expect(params.get('hash')).toBe(createHmac('sha256', secret).update(dcs).digest('hex'));
  });

  it('verifies and takes the user id from the user JSON', async () => {
    const identity = verifyTelegramInitData(signTelegramInitData(fields, botToken), {
      botToken,
      ttlSeconds: 86400,
      now,
    });
    expect(identity).toMatchObject({ platform: 'telegram', userId: '279058397', appId: '5768337691', language: 'ru' });
  });

  it('refuses data whose signature field was dropped or changed (it is part of the check string)', async () => {
    const raw = new URLSearchParams(signTelegramInitData(fields, botToken));
    raw.delete('signature');
    expect(() => verifyTelegramInitData(raw.toString(), { botToken, ttlSeconds: 0, now })).toThrow(BadSignatureError);
  });

  it('refuses another bot, stale auth_date, bad user JSON', async () => {
    const raw = signTelegramInitData(fields, botToken);
    expect(() => verifyTelegramInitData(raw, { botToken: '1:other', ttlSeconds: 0, now })).toThrow(BadSignatureError);
    expect(() => verifyTelegramInitData(raw, { botToken, ttlSeconds: 30, now })).toThrow(ExpiredLaunchError);
    const bad = signTelegramInitData({ ...fields, user: 'nope' }, botToken);
    expect(() => verifyTelegramInitData(bad, { botToken, ttlSeconds: 0, now })).toThrow(MalformedLaunchError);
    expect(() => verifyTelegramInitData('auth_date=1', { botToken, ttlSeconds: 0, now })).toThrow(MissingLaunchError);
  });
});
