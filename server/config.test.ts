import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const PRODUCTION = { NODE_ENV: 'production', VK_APP_SECRET: 'real', VK_APP_ID: '7' };
const tmpDb = () => join(mkdtempSync(join(tmpdir(), 'cfg-')), 'app.db');

describe('config', () => {
  it('has working defaults', async () => {
    const c = loadConfig({ DATABASE_PATH: tmpDb() });
    expect(c.PORT).toBe(8080);
    expect(c.LAUNCH_PARAMS_TTL).toBe(86400);
    expect(c.HTTP_KEEP_ALIVE_MS).toBe(65_000);
    expect(c.usesLocalSecrets).toBe(true);
  });

  it('names the bad variable', async () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ LAUNCH_PARAMS_TTL: '-1' })).toThrow(/LAUNCH_PARAMS_TTL/);
    expect(() => loadConfig({ VK_API_BASE_URL: 'not a url' })).toThrow(/VK_API_BASE_URL/);
    expect(() => loadConfig({ HTTP_KEEP_ALIVE_MS: '500' })).toThrow(/HTTP_KEEP_ALIVE_MS/);
  });

  it("takes the OK and Telegram apps' public addresses only in their platform's form (decision 048)", async () => {
    const c = loadConfig({
      DATABASE_PATH: tmpDb(),
      TELEGRAM_APP_URL: 'https://t.me/promo_test_bot/promo',
      OK_APP_URL: 'https://ok.ru/game/512000000001',
    });
    expect([c.TELEGRAM_APP_URL, c.OK_APP_URL]).toEqual([
      'https://t.me/promo_test_bot/promo',
      'https://ok.ru/game/512000000001',
    ]);
    expect(
      loadConfig({ DATABASE_PATH: tmpDb(), TELEGRAM_APP_URL: '', OK_APP_URL: '' }).TELEGRAM_APP_URL,
    ).toBeUndefined();
    for (const bad of [
      'https://t.me/promo_test_bot',
      'http://t.me/promo_test_bot/promo',
      'https://t.me/promo_test_bot/promo?startapp=x',
    ]) {
      expect(() => loadConfig({ DATABASE_PATH: tmpDb(), TELEGRAM_APP_URL: bad })).toThrow(/TELEGRAM_APP_URL/);
    }
    for (const bad of ['https://vk.com/app51000001', 'https://ok.ru/game/', 'https://ok.ru/game/x?custom_args=y']) {
      expect(() => loadConfig({ DATABASE_PATH: tmpDb(), OK_APP_URL: bad })).toThrow(/OK_APP_URL/);
    }
  });

  it('generates a local secret once and keeps it in the data folder', async () => {
    const db = tmpDb();
    const first = loadConfig({ DATABASE_PATH: db });
    const second = loadConfig({ DATABASE_PATH: db });
    expect(first.VK_APP_SECRET).toHaveLength(20);
    expect(second.VK_APP_SECRET).toBe(first.VK_APP_SECRET);
    const file = join(db, '..', 'local-secrets.json');
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8')).vkAppSecret).toBe(first.VK_APP_SECRET);
  });

  it('refuses production without real secrets', async () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_PATH: tmpDb() })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_PATH: tmpDb() })).toThrow(/VK_APP_SECRET/);
    const ok = loadConfig({ NODE_ENV: 'production', DATABASE_PATH: tmpDb(), VK_APP_SECRET: 'real', VK_APP_ID: '7' });
    expect(ok.VK_APP_SECRET).toBe('real');
  });

  it('refuses a community token without the community it acts for, in any environment', async () => {
    for (const NODE_ENV of ['development', 'production']) {
      expect(() =>
        loadConfig({ ...PRODUCTION, NODE_ENV, DATABASE_PATH: tmpDb(), VK_GROUP_TOKEN: 'vk1.a.token' }),
      ).toThrow(/VK_GROUP_ID: required with VK_GROUP_TOKEN/);
    }
    const paired = loadConfig({ DATABASE_PATH: tmpDb(), VK_GROUP_TOKEN: 'vk1.a.token', VK_GROUP_ID: '7' });
    expect([paired.VK_GROUP_ID, paired.VK_GROUP_TOKEN]).toEqual([7, 'vk1.a.token']);
    // The id alone is a community whose token the agency keeps in the office.
    expect(loadConfig({ ...PRODUCTION, DATABASE_PATH: tmpDb(), VK_GROUP_ID: '7' }).VK_GROUP_ID).toBe(7);
  });

  it('refuses production with an OK or Telegram app configured but not its public address', async () => {
    const ok = { OK_APP_KEY: 'CBAFGHJKLMNOPQRST', OK_APP_SECRET: 'ABCDEF0123456789ABCDEF0123456789' };
    const telegram = { TELEGRAM_BOT_TOKEN: '1000000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw' };
    expect(() => loadConfig({ ...PRODUCTION, DATABASE_PATH: tmpDb(), ...ok })).toThrow(/OK_APP_URL: required/);
    expect(() => loadConfig({ ...PRODUCTION, DATABASE_PATH: tmpDb(), ...telegram })).toThrow(
      /TELEGRAM_APP_URL: required/,
    );
    expect(() => loadConfig({ ...PRODUCTION, DATABASE_PATH: tmpDb(), OK_APP_KEY: ok.OK_APP_KEY })).toThrow(
      /OK_APP_SECRET: required with OK_APP_KEY/,
    );
    const full = loadConfig({
      ...PRODUCTION,
      DATABASE_PATH: tmpDb(),
      ...ok,
      ...telegram,
      OK_APP_URL: 'https://ok.ru/game/512000000001',
      TELEGRAM_APP_URL: 'https://t.me/promo_test_bot/promo',
    });
    expect([full.OK_APP_URL, full.TELEGRAM_APP_URL]).toEqual([
      'https://ok.ru/game/512000000001',
      'https://t.me/promo_test_bot/promo',
    ]);
    // Neither configured: neither address is asked for; locally the generated credentials need none either.
    expect(loadConfig({ ...PRODUCTION, DATABASE_PATH: tmpDb() }).OK_APP_URL).toBeUndefined();
    expect(loadConfig({ DATABASE_PATH: tmpDb(), ...ok, ...telegram }).OK_APP_URL).toBeUndefined();
  });

  it('takes an empty number as its default, as a blank line of .env.example means (found from outside)', async () => {
    // Before: PORT= listened on a random port and LAUNCH_PARAMS_TTL= turned the launch age check off (0).
    const c = loadConfig({ DATABASE_PATH: tmpDb(), PORT: '', LAUNCH_PARAMS_TTL: '', WEB_SESSION_TTL: ' ' });
    expect([c.PORT, c.LAUNCH_PARAMS_TTL, c.WEB_SESSION_TTL]).toEqual([8080, 86400, 7200]);
    expect(
      loadConfig({ DATABASE_PATH: tmpDb(), VK_GROUP_API_RPS: '', VK_SERVICE_API_RPS: '' }).VK_SERVICE_API_RPS,
    ).toBe(3);
    expect(loadConfig({ DATABASE_PATH: tmpDb(), LAUNCH_PARAMS_TTL: '0' }).LAUNCH_PARAMS_TTL).toBe(0);
  });

  it('refuses addresses that are not http(s) URLs and a bot token not in BotFather form (found from outside)', async () => {
    // Before: PUBLIC_URL=not-a-url started and every web login and web-session write answered 500.
    for (const bad of ['not a url', 'ftp://promo.example', 'javascript:alert(1)']) {
      expect(() => loadConfig({ DATABASE_PATH: tmpDb(), PUBLIC_URL: bad }), bad).toThrow(/PUBLIC_URL/);
      expect(() => loadConfig({ DATABASE_PATH: tmpDb(), VK_API_BASE_URL: bad }), bad).toThrow(/VK_API_BASE_URL/);
      expect(() => loadConfig({ DATABASE_PATH: tmpDb(), VK_ID_BASE_URL: bad }), bad).toThrow(/VK_ID_BASE_URL/);
    }
    expect(loadConfig({ DATABASE_PATH: tmpDb(), PUBLIC_URL: 'https://promo.example' }).PUBLIC_URL).toBe(
      'https://promo.example',
    );
    for (const bad of ['x', '123456', ':abc', '12:ab cd', 'abc:def']) {
      expect(() => loadConfig({ DATABASE_PATH: tmpDb(), TELEGRAM_BOT_TOKEN: bad }), bad).toThrow(/TELEGRAM_BOT_TOKEN/);
    }
  });
});

describe('ids and secrets as an operator might mistype them (found from outside)', () => {
  it('takes an id setting only as plain decimal digits, up to 2^53 − 1, naming the variable otherwise', async () => {
    // Before: VK_GROUP_ID=0x10 started as community 16, VK_APP_ID=1e3 as app 1000, VK_ID_APP_ID=" 7" as 7.
    for (const name of ['VK_APP_ID', 'VK_GROUP_ID', 'VK_ID_APP_ID']) {
      for (const bad of ['0x10', '1e3', '0b11', '0o7', ' 7', '7 ', '+7', '07', '7.0', '9007199254740992']) {
        expect(() => loadConfig({ DATABASE_PATH: tmpDb(), [name]: bad }), `${name}=${bad}`).toThrow(
          new RegExp(`${name}: .*decimal`),
        );
      }
    }
    const c = loadConfig({
      DATABASE_PATH: tmpDb(),
      VK_APP_ID: '9007199254740991',
      VK_GROUP_ID: '229000001',
      VK_ID_APP_ID: '52000001',
    });
    expect([c.VK_APP_ID, c.VK_GROUP_ID, c.VK_ID_APP_ID]).toEqual([9007199254740991, 229000001, 52000001]);
    const blank = loadConfig({ DATABASE_PATH: tmpDb(), VK_APP_ID: '', VK_GROUP_ID: '', VK_ID_APP_ID: '' });
    expect([blank.VK_APP_ID, blank.VK_GROUP_ID, blank.VK_ID_APP_ID]).toEqual([51000001, undefined, undefined]);
  });

  it('refuses a secret or token made only of spaces, naming it; an empty one stays absent', async () => {
    // Before: VK_APP_SECRET="   " started in production and no real launch ever verified.
    const secrets = [
      'VK_APP_SECRET',
      'OK_APP_KEY',
      'OK_APP_SECRET',
      'VK_GROUP_TOKEN',
      'VK_SERVICE_TOKEN',
      'VK_CALLBACK_SECRET',
      'VK_CONFIRMATION_CODE',
    ];
    for (const name of secrets) {
      for (const blank of ['   ', '\t', ' \n ']) {
        expect(
          () => loadConfig({ ...PRODUCTION, DATABASE_PATH: tmpDb(), VK_GROUP_ID: '7', [name]: blank }),
          name,
        ).toThrow(new RegExp(`${name}: .*spaces`));
      }
    }
    expect(() => loadConfig({ DATABASE_PATH: tmpDb(), VK_APP_SECRET: '   ' })).toThrow(ConfigError);
    const empty = loadConfig({ DATABASE_PATH: tmpDb(), VK_CALLBACK_SECRET: '', VK_SERVICE_TOKEN: '' });
    expect([empty.VK_CALLBACK_SECRET, empty.VK_SERVICE_TOKEN]).toEqual([undefined, undefined]);
    // A secret with a space inside is the operator's choice (a callback secret is typed in VK's settings).
    expect(loadConfig({ DATABASE_PATH: tmpDb(), VK_CALLBACK_SECRET: 'two words' }).VK_CALLBACK_SECRET).toBe(
      'two words',
    );
  });

  it("takes the Telegram bot token as the other secrets: spaces refused, its bot id bounded as Telegram's ids", async () => {
    // Before: TELEGRAM_BOT_TOKEN="   " started with Telegram silently off (every other secret of spaces stopped the
    // start), and a bot id of 20 digits, beyond any id Telegram issues (2^52 − 1), was taken.
    for (const blank of ['   ', '\t', ' \n ']) {
      expect(() => loadConfig({ DATABASE_PATH: tmpDb(), TELEGRAM_BOT_TOKEN: blank }), blank).toThrow(
        /TELEGRAM_BOT_TOKEN: .*spaces/,
      );
    }
    for (const bad of ['99999999999999999999:AAHdqTcv', '4503599627370496:AAHdqTcv', '0:AAHdqTcv', '01:AAHdqTcv']) {
      expect(() => loadConfig({ DATABASE_PATH: tmpDb(), TELEGRAM_BOT_TOKEN: bad }), bad).toThrow(/TELEGRAM_BOT_TOKEN/);
    }
    const largest = '4503599627370495:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
    expect(loadConfig({ DATABASE_PATH: tmpDb(), TELEGRAM_BOT_TOKEN: largest }).TELEGRAM_BOT_TOKEN).toBe(largest);
    // Empty is absent, as for every secret: locally, the generated one stands in.
    expect(() => loadConfig({ DATABASE_PATH: tmpDb(), TELEGRAM_BOT_TOKEN: '' })).not.toThrow();
  });
});
