/** How the stuck list words time: how long ago a person reached their stage, in the member's language. */
import { type Language, relativeTimeFormat } from '../../intl-formats.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * `at` relative to `now` in whole units, rounded down (a person stuck 47 h is "47 hours ago", not "2 days ago", so the
 * text never claims more than the list's «at least N hours»): minutes under an hour, hours under two days, then days.
 * @example agoText(now - 3 * 86_400_000, now, 'ru') === '3 дня назад'
 * @example agoText(now - 5 * 3_600_000, now, 'en') === '5 hours ago'
 */
export function agoText(at: number, now: number, language: Language): string {
  const ms = Math.max(0, now - at);
  const format = relativeTimeFormat(language);
  if (ms < HOUR) return format.format(-Math.floor(ms / MINUTE), 'minute');
  if (ms < 2 * DAY) return format.format(-Math.floor(ms / HOUR), 'hour');
  return format.format(-Math.floor(ms / DAY), 'day');
}
