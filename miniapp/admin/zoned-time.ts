/**
 * Wall-clock times in the campaign's time zone, for the office (the editor's schedule, the mailing screens): a
 * `datetime-local` value typed by the brand means that time where the campaign runs (its community's zone, which the
 * server uses for the campaign's days, quiet hours and the schedule), never the time zone of whoever opened the office.
 * Pure functions over the server's own zone arithmetic (server/time-zone.ts: `Intl` only, no zone database shipped),
 * which the office imports like the other pure server modules it shares.
 */
import { offsetAt } from '../../server/time-zone.ts';

/**
 * `2026-12-01T10:00` read as a wall-clock time in `timeZone` → epoch ms; `undefined` for an unreadable value. A wall
 * time skipped by a DST jump gives the instant after it.
 * @example fromWallTime('2026-12-01T10:00', 'Asia/Vladivostok') === Date.UTC(2026, 11, 1, 0, 0)
 */
export function fromWallTime(value: string, timeZone: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes: the offset at the first guess may differ from the offset at the answer around a DST change.
  const first = asUtc - offsetAt(asUtc, timeZone);
  return asUtc - offsetAt(first, timeZone);
}

/** Epoch ms → the `<input type="datetime-local">` value showing that instant in `timeZone`. */
export function toWallTime(at: number, timeZone: string): string {
  return new Date(at + offsetAt(at, timeZone)).toISOString().slice(0, 16);
}

/** A short name of the zone for labels ("Europe/Moscow, UTC+3"). */
export function zoneLabel(timeZone: string, at: number = Date.now()): string {
  const minutes = Math.round(offsetAt(at, timeZone) / 60_000);
  const sign = minutes < 0 ? '−' : '+';
  const hh = Math.floor(Math.abs(minutes) / 60);
  const mm = Math.abs(minutes) % 60;
  return `${timeZone}, UTC${sign}${hh}${mm ? `:${String(mm).padStart(2, '0')}` : ''}`;
}

/** Zones offered first (the brand may type any other IANA zone). */
export const COMMON_TIME_ZONES = [
  'Europe/Kaliningrad',
  'Europe/Moscow',
  'Europe/Samara',
  'Asia/Yekaterinburg',
  'Asia/Omsk',
  'Asia/Novosibirsk',
  'Asia/Krasnoyarsk',
  'Asia/Irkutsk',
  'Asia/Yakutsk',
  'Asia/Vladivostok',
  'Asia/Magadan',
  'Asia/Kamchatka',
  'Europe/Minsk',
  'Asia/Almaty',
  'UTC',
] as const;
