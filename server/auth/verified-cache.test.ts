import { describe, expect, it } from 'vitest';
import type { Identity } from './identity.ts';
import { VerifiedLaunchCache } from './verified-cache.ts';

const identity = (userId: string): Identity => ({
  platform: 'vk',
  userId,
  appId: '1',
  language: 'ru',
  platformDetail: 'mobile_android',
});
const header = (userId: string, ts = 1_000) => `VK vk_user_id=${userId}&vk_ts=${ts}&sign=x`;
const TTL = 3600;
const NOW = 1_000_000;

describe('VerifiedLaunchCache', () => {
  it('returns the identity of a launch seen before, and still checks its age on every hit', () => {
    const cache = new VerifiedLaunchCache();
    cache.set(header('7'), identity('7'));
    expect(cache.get(header('7'), NOW, TTL)?.userId).toBe('7');
    expect(cache.get(header('8'), NOW, TTL)).toBeUndefined();
    expect(() => cache.get(header('7'), NOW + (TTL + 2) * 1000, TTL)).toThrow();
  });

  it('stays bounded: the oldest launches are forgotten, recently used ones kept', () => {
    const cache = new VerifiedLaunchCache(10);
    for (let i = 0; i < 10; i++) cache.set(header(String(i)), identity(String(i)));
    // "0" is used again, so it moves to the young generation and survives the next turnover.
    expect(cache.get(header('0'), NOW, TTL)?.userId).toBe('0');
    for (let i = 10; i < 16; i++) cache.set(header(String(i)), identity(String(i)));
    expect(cache.get(header('0'), NOW, TTL)?.userId).toBe('0');
    expect(cache.get(header('1'), NOW, TTL)).toBeUndefined();
    expect(cache.get(header('15'), NOW, TTL)?.userId).toBe('15');
  });
});
