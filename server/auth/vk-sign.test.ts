import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BadSignatureError,
  ExpiredLaunchError,
  MalformedLaunchError,
  MissingLaunchError,
  WrongAppError,
} from './launch-errors.ts';
import { parseLaunchQuery, signVkLaunch, verifyVkLaunch, vkSignedString } from './vk-sign.ts';

// VK's published example (VKCOM/vk-apps-launch-params), see shared/platform/vk-ok-telegram.md §1.2.
const VK_SECRET = 'wvl68m4dR1UpLrVRli';
const VK_QUERY =
  'vk_user_id=494075&vk_app_id=6736218&vk_is_app_user=1&vk_are_notifications_enabled=1&vk_language=ru&vk_access_token_settings=&vk_platform=android&sign=htQFduJpLxz7ribXRZpDFUH-XEUhC9rBPTJkjUFEkRA';
const OLD_DOCS_SIGN = 'exTIBPYTrAKDTHLLm2AwJkmcVcvFCzQUNyoa6wAjvW6k';
const vectorOptions = { secret: VK_SECRET, appId: 6736218, ttlSeconds: 0 };

describe('VK launch signature', () => {
  it("verifies VK's own example", async () => {
    const identity = verifyVkLaunch(VK_QUERY, vectorOptions);
    expect(identity).toMatchObject({
      platform: 'vk',
      userId: '494075',
      appId: '6736218',
      language: 'ru',
      platformDetail: 'android',
    });
  });

  it('accepts the query with a leading "?"', async () => {
    expect(verifyVkLaunch(`?${VK_QUERY}`, vectorOptions).userId).toBe('494075');
  });

  it('builds the documented canonical string', async () => {
    expect(vkSignedString(parseLaunchQuery(VK_QUERY))).toBe(
      'vk_access_token_settings=&vk_app_id=6736218&vk_are_notifications_enabled=1&vk_is_app_user=1&vk_language=ru&vk_platform=android&vk_user_id=494075',
    );
  });

  it('refuses the old sign printed on the English docs page', async () => {
    const query = VK_QUERY.replace(/sign=.*$/, `sign=${OLD_DOCS_SIGN}`);
    expect(() => verifyVkLaunch(query, vectorOptions)).toThrow(BadSignatureError);
  });

  it('refuses another spelling of the right digest (the last character has two bits that must be zero)', async () => {
    // 'A' ends VK's sign; 'B' decodes to the same 32 bytes, so a byte comparison alone would accept it.
    expect(VK_QUERY.endsWith('RA')).toBe(true);
    const respelled = `${VK_QUERY.slice(0, -1)}B`;
    expect(Buffer.from('kRA', 'base64url')).toEqual(Buffer.from('kRB', 'base64url'));
    expect(() => verifyVkLaunch(respelled, vectorOptions)).toThrow(BadSignatureError);
  });

  it('refuses a tampered value', async () => {
    expect(() => verifyVkLaunch(VK_QUERY.replace('vk_user_id=494075', 'vk_user_id=494076'), vectorOptions)).toThrow(
      BadSignatureError,
    );
  });

  it('ignores parameters that are not vk_* (they are not signed)', async () => {
    expect(verifyVkLaunch(`${VK_QUERY}&odr_enabled=1&utm=x`, vectorOptions).userId).toBe('494075');
  });

  it("refuses another app's valid launch", async () => {
    expect(() => verifyVkLaunch(VK_QUERY, { ...vectorOptions, appId: 1 })).toThrow(WrongAppError);
  });

  it('refuses two signed pairs re-shaped into one key (keys are encoded as VK encodes them)', async () => {
    const genuine = signVkLaunch(
      { vk_user_id: 1, vk_app_id: 7, vk_group_id: 200000001, vk_is_app_user: 1, vk_ts: 1 },
      'secret',
    );
    expect(verifyVkLaunch(genuine, { secret: 'secret', appId: 7, ttlSeconds: 0 }).groupId).toBe(200000001);
    const merged = genuine.replace(
      'vk_group_id=200000001&vk_is_app_user=1',
      'vk_group_id%3D200000001%26vk_is_app_user=1',
    );
    expect(merged).not.toBe(genuine);
    expect(() => verifyVkLaunch(merged, { secret: 'secret', appId: 7, ttlSeconds: 0 })).toThrow(BadSignatureError);
  });

  it('encodes commas as %2C before signing', async () => {
    const query = signVkLaunch({ vk_user_id: 1, vk_app_id: 7, vk_access_token_settings: 'friends,stories' }, 's');
    expect(vkSignedString(parseLaunchQuery(query))).toContain('vk_access_token_settings=friends%2Cstories');
    expect(verifyVkLaunch(query, { secret: 's', appId: 7, ttlSeconds: 0 }).userId).toBe('1');
  });

  it('reports missing, malformed and undecodable input as distinct errors, never a crash', async () => {
    expect(() => verifyVkLaunch('', vectorOptions)).toThrow(MissingLaunchError);
    expect(() => verifyVkLaunch('vk_user_id=1', vectorOptions)).toThrow(MissingLaunchError);
    expect(() => verifyVkLaunch('vk_user_id=%E0%A4%A&sign=x', vectorOptions)).toThrow(MalformedLaunchError);
    expect(() => verifyVkLaunch(`${VK_QUERY}&vk_user_id=1`, vectorOptions)).toThrow(MalformedLaunchError);
    expect(() => verifyVkLaunch('sign=tooshort', vectorOptions)).toThrow(BadSignatureError);
  });

  describe('vk_ts freshness', () => {
    const now = Date.UTC(2026, 0, 1);
    const opts = { secret: 's', appId: 7, ttlSeconds: 3600, now };
    const at = (ts: number | undefined) =>
      signVkLaunch({ vk_user_id: 1, vk_app_id: 7, ...(ts === undefined ? {} : { vk_ts: ts }) }, 's');
    const nowS = now / 1000;

    it('accepts a fresh launch', async () => expect(verifyVkLaunch(at(nowS - 10), opts).userId).toBe('1'));
    it('refuses a stale one', async () =>
      expect(() => verifyVkLaunch(at(nowS - 3601), opts)).toThrow(ExpiredLaunchError));
    it('refuses one from more than 5 minutes in the future', async () =>
      expect(() => verifyVkLaunch(at(nowS + 301), opts)).toThrow(ExpiredLaunchError));
    it('accepts small clock skew', async () => expect(verifyVkLaunch(at(nowS + 120), opts).userId).toBe('1'));
    it('requires vk_ts', async () => expect(() => verifyVkLaunch(at(undefined), opts)).toThrow(MalformedLaunchError));
    it('skips the check when the TTL is 0', async () =>
      expect(verifyVkLaunch(at(1), { ...opts, ttlSeconds: 0 }).userId).toBe('1'));
  });

  describe('property: what the signer signs verifies, any single change fails', () => {
    const key = fc.stringMatching(/^vk_[a-z_]{1,12}$/).filter((k) => !['vk_user_id', 'vk_app_id', 'vk_ts'].includes(k));
    const value = fc.string({ maxLength: 20 });
    const extras = fc.dictionary(key, value, { maxKeys: 6 });
    const base = { vk_user_id: '42', vk_app_id: '7' };
    const opts = { secret: 'prop-secret', appId: 7, ttlSeconds: 0 };

    it('verifies any signed set', async () => {
      fc.assert(
        fc.property(extras, (extra) => {
          expect(verifyVkLaunch(signVkLaunch({ ...extra, ...base }, opts.secret), opts).userId).toBe('42');
        }),
      );
    });

    it('fails when one value changes', async () => {
      fc.assert(
        fc.property(extras, value, fc.nat(), (extra, replacement, pick) => {
          const values: Record<string, string> = { ...extra, ...base };
          const keys = Object.keys(values);
          const target = keys[pick % keys.length] as string;
          fc.pre(values[target] !== replacement);
          const signed = new URLSearchParams(signVkLaunch(values, opts.secret));
          signed.set(target, replacement);
          expect(() => verifyVkLaunch(signed.toString(), opts)).toThrow();
        }),
      );
    });

    it('fails when one character of the sign changes', async () => {
      fc.assert(
        fc.property(extras, fc.nat(42), (extra, position) => {
          const signed = new URLSearchParams(signVkLaunch({ ...extra, ...base }, opts.secret));
          const sign = signed.get('sign') as string;
          const flipped = sign[position] === 'A' ? 'B' : 'A';
          signed.set('sign', sign.slice(0, position) + flipped + sign.slice(position + 1));
          expect(() => verifyVkLaunch(signed.toString(), opts)).toThrow(BadSignatureError);
        }),
      );
    });
  });
});
