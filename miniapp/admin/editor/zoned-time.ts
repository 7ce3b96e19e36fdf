/**
 * Campaign dates are UTC milliseconds read in the campaign's IANA time zone: the editor shows and takes
 * `YYYY-MM-DDTHH:mm` wall time in that zone (not the office user's own zone).
 */

function wallParts(ms: number, timeZone: string): Record<string, number> {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(ms);
  return Object.fromEntries(parts.filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)]));
}

/** The wall time of `ms` in `timeZone`, as an `<input type="datetime-local">` value. */
export function toWallTime(ms: number, timeZone: string): string {
  const p = wallParts(ms, timeZone);
  const pad = (n: number | undefined, w = 2) => String(n ?? 0).padStart(w, '0');
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** The UTC instant of a wall time in `timeZone` (for a wall time skipped by a DST jump, the instant after it). */
export function fromWallTime(wall: string, timeZone: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall);
  if (!m) return undefined;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // The zone's offset at a guess, then once more at the corrected instant (offsets change at DST boundaries).
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const p = wallParts(guess, timeZone);
    const offset = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day, p.hour, p.minute, p.second) - guess;
    guess = asUtc - offset;
  }
  return guess;
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
