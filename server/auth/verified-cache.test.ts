import { describe, expect, it } from 'vitest';
import type { VerifiedLaunch } from './identity.ts';
import { ExpiredLaunchError } from './launch-errors.ts';
import { VerifiedLaunchCache } from './verified-cache.ts';

const identity = (userId: string, issuedAt = 1_000): VerifiedLaunch => ({
  identity: { platform: 'vk', userId, appId: '1', language: 'ru', platformDetail: 'mobile_android' },
  issuedAt,
  issuedAtField: 'vk_ts',
});
const header = (userId: string, ts = 1_000) => `VK vk_user_id=${userId}&vk_ts=${ts}&sign=x`;
const TTL = 3600;
const NOW = 1_000_000;

describe('VerifiedLaunchCache', () => {
  it('returns the identity of a launch seen before, and still checks its age on every hit', async () => {
    const cache = new VerifiedLaunchCache();
    cache.set(header('7'), identity('7'));
    expect(cache.get(header('7'), NOW, TTL)?.identity.userId).toBe('7');
    expect(cache.get(header('8'), NOW, TTL)).toBeUndefined();
    expect(() => cache.get(header('7'), NOW + (TTL + 2) * 1000, TTL)).toThrow();
  });

  it('item 4: judges age by the issue time the verifier parsed, not by the raw text of the header', async () => {
    const cache = new VerifiedLaunchCache();
    // The raw text says 4_000 (fresh at 4_605 s); the verifier parsed 1_000 (stale then): the parsed value counts.
    cache.set(header('7', 4_000), identity('7', 1_000));
    expect(() => cache.get(header('7', 4_000), 4_605_000, TTL)).toThrow(ExpiredLaunchError);
  });

  it('item 4: a hit without a recorded issue time is a miss when ages are checked (the verifier decides)', async () => {
    const cache = new VerifiedLaunchCache();
    const { issuedAt: _, ...untimed } = identity('7');
    cache.set(header('7'), untimed);
    expect(cache.get(header('7'), NOW, TTL)).toBeUndefined();
    expect(cache.get(header('7'), NOW, 0)?.identity.userId).toBe('7');
  });

  it('stays bounded: the oldest launches are forgotten, recently used ones kept', async () => {
    const cache = new VerifiedLaunchCache(10);
    for (let i = 0; i < 10; i++) cache.set(header(String(i)), identity(String(i)));
    // "0" is used again, so it moves to the young generation and survives the next turnover.
    expect(cache.get(header('0'), NOW, TTL)?.identity.userId).toBe('0');
    for (let i = 10; i < 16; i++) cache.set(header(String(i)), identity(String(i)));
    expect(cache.get(header('0'), NOW, TTL)?.identity.userId).toBe('0');
    expect(cache.get(header('1'), NOW, TTL)).toBeUndefined();
    expect(cache.get(header('15'), NOW, TTL)?.identity.userId).toBe('15');
  });
});
