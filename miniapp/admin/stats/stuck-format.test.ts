/** How long ago a stuck person reached their stage, in words of the member's language. */
import { describe, expect, it } from 'vitest';
import { agoText } from './stuck-format.ts';

const NOW = Date.UTC(2026, 11, 7, 12);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const norm = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('agoText', () => {
  it('minutes under an hour, hours under two days, then days; in Russian and English', () => {
    expect(norm(agoText(NOW - 5 * MIN, NOW, 'ru'))).toBe('5 минут назад');
    expect(norm(agoText(NOW - HOUR, NOW, 'en'))).toBe('1 hour ago');
    expect(norm(agoText(NOW - 21 * HOUR, NOW, 'ru'))).toBe('21 час назад');
    expect(norm(agoText(NOW - 3 * DAY, NOW, 'ru'))).toBe('3 дня назад');
    expect(norm(agoText(NOW - 8 * DAY, NOW, 'en'))).toBe('8 days ago');
  });

  it('rounds down, so the text never says more than the time really spent (47 h is not «2 days»)', () => {
    expect(norm(agoText(NOW - 47 * HOUR - 59 * MIN, NOW, 'en'))).toBe('47 hours ago');
    expect(norm(agoText(NOW - 2 * DAY - 23 * HOUR, NOW, 'en'))).toBe('2 days ago');
  });

  it('a moment just ahead of the page’s clock (the server’s clock a little ahead) reads as now, not in the future', () => {
    expect(norm(agoText(NOW + 30_000, NOW, 'en'))).toBe('0 minutes ago');
  });
});
