/** @module Quiet hours in the campaign's time zone: no rule message is sent between `from` and `to` local hours. */

function localHour(at: number, timeZone: string): number {
  const h = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(at);
  return Number(h);
}

export function inQuietHours(at: number, timeZone: string, from: number, to: number): boolean {
  if (from === to) return false;
  const h = localHour(at, timeZone);
  return from < to ? h >= from && h < to : h >= from || h < to;
}

/**
 * The first moment at or after `at` outside quiet hours (to the next whole UTC hour while inside).
 * @example quietEnd(Date.UTC(2026, 0, 1, 20), 'Europe/Moscow', 22, 9) // 23:00 MSK is quiet → 09:00 MSK next day
 */
export function quietEnd(at: number, timeZone: string, from: number, to: number): number {
  let t = at;
  for (let i = 0; i < 48 && inQuietHours(t, timeZone, from, to); i += 1)
    t = (Math.floor(t / 3_600_000) + 1) * 3_600_000;
  return t;
}
