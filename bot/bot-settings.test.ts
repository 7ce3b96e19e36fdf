import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../server/config.ts';
import { BotSetupError, loadBotSettings } from './bot-settings.ts';
import { runSender } from './sender/outbox-sender.ts';

const env = (extra: Record<string, string> = {}) => ({
  DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'bot-settings-')), 'app.db'),
  VK_GROUP_ID: '1',
  VK_GROUP_TOKEN: 'group:1',
  ...extra,
});
const settings = (argv: string[], extra: Record<string, string> = {}) => {
  const base = env(extra);
  return loadBotSettings(argv, (overrides) => loadConfig({ ...base, ...overrides }));
};

describe('npm run bot settings', () => {
  it('item 1: without --lease-ms the lease is OUTBOX_LEASE_MS (or its default), a number, never undefined', () => {
    expect(settings([]).config.OUTBOX_LEASE_MS).toBe(60_000);
    expect(settings([], { OUTBOX_LEASE_MS: '2500' }).config.OUTBOX_LEASE_MS).toBe(2500);
    expect(settings(['--lease-ms', '700'], { OUTBOX_LEASE_MS: '2500' }).config.OUTBOX_LEASE_MS).toBe(700);
    expect(settings([], { OUTBOX_LEASE_MS: '' }).config.OUTBOX_LEASE_MS).toBe(60_000);
    expect(settings([]).options).toEqual({ longPoll: false, once: false, rules: true, quiet: false });
    expect(settings(['--long-poll', '--once', '--no-rules', '--quiet']).options).toEqual({
      longPoll: true,
      once: true,
      rules: false,
      quiet: true,
    });
  });

  it('item 1: a bad --lease-ms is refused like a bad OUTBOX_LEASE_MS; unknown flags and missing values too', () => {
    expect(() => settings(['--lease-ms', 'soon'])).toThrow(ConfigError);
    expect(() => settings(['--lease-ms', 'soon'])).toThrow(/--lease-ms/);
    expect(() => settings(['--lease-ms=-5'])).toThrow(ConfigError);
    expect(() => settings([], { OUTBOX_LEASE_MS: 'NaN' })).toThrow(/OUTBOX_LEASE_MS/);
    // Over 10 minutes a re-claimed row could outlive VK's hour-long memory of its random_id (outbox-claim.ts).
    expect(() => settings([], { OUTBOX_LEASE_MS: String(61 * 60_000) })).toThrow(/OUTBOX_LEASE_MS/);
    expect(() => settings(['--lease-ms', '600001'])).toThrow(ConfigError);
    expect(() => settings(['--lease-ms'])).toThrow(BotSetupError);
    expect(() => settings(['--lease-msec', '5'])).toThrow(BotSetupError);
  });

  it('item 1: the sender refuses a lease that is not a number instead of spinning', async () => {
    const base = { db: {} as never, now: Date.now, channels: {}, scope: { vkGroupId: 1 }, once: true };
    await expect(runSender({ ...base, leaseMs: Number.NaN })).rejects.toThrow(/leaseMs/);
    await expect(runSender({ ...base, leaseMs: undefined as unknown as number })).rejects.toThrow(/leaseMs/);
    await expect(runSender({ ...base, leaseMs: 1000, idleMs: Number.NaN })).rejects.toThrow(/idleMs/);
  });

  it('item 18: every missing credential is listed at once, with where to read about it', () => {
    const err = (() => {
      try {
        settings([], { VK_GROUP_ID: '', VK_GROUP_TOKEN: '' });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(err).toBeInstanceOf(BotSetupError);
    expect(err?.message).toMatch(/VK_GROUP_ID/);
    expect(err?.message).toMatch(/VK_GROUP_TOKEN/);
    expect(err?.message).toMatch(/docs\/bot\.md/);
    // --long-poll needs the same.
    expect(() => settings(['--long-poll'], { VK_GROUP_TOKEN: '' })).toThrow(/VK_GROUP_TOKEN/);
  });
});
