/**
 * @module Wall-clock time in a named time zone (IANA, e.g. `Europe/Moscow`): the one place the server turns an instant
 * into local parts. Campaign days, the dashboard's days and the dates a participant reads are all built on it.
 */

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// One formatter per zone: building one loads the zone's rules, formatting with it is cheap.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock parts of an instant in a time zone (month 1–12, hour 0–23). */
export function localParts(at: number, timeZone: string): LocalParts {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(at))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Local wall-clock time minus UTC at `at`, in ms (e.g. +3 h for Moscow). */
export function offsetAt(at: number, timeZone: string): number {
  const p = localParts(at, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(at / 1000) * 1000;
}

/**
 * The local calendar date of an instant (`YYYY-MM-DD`).
 * @example localDate(Date.UTC(2025, 11, 31, 21, 30), 'Europe/Moscow') // '2026-01-01'
 */
export function localDate(at: number, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/**
 * The instant a wall-clock time is read at in a time zone (month 1–12), or undefined for a time the zone skips (a
 * DST gap) or parts that name no date (31 February). Of a time a DST end repeats, the earlier one.
 * @example wallClockInstant({ year: 2026, month: 6, day: 5, hour: 12, minute: 0, second: 0 }, 'Europe/Moscow') // Date.UTC(2026, 5, 5, 9)
 */
export function wallClockInstant(wall: LocalParts, timeZone: string): number | undefined {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  // Intl knows the zone's offsets: the ones in force a day either side cover the wall time across a DST change.
  const DAY = 86_400_000;
  const candidates = [asUtc - offsetAt(asUtc - DAY, timeZone), asUtc - offsetAt(asUtc + DAY, timeZone)];
  return candidates
    .sort((a, b) => a - b)
    .find((at) => {
      const p = localParts(at, timeZone);
      return (
        p.year === wall.year &&
        p.month === wall.month &&
        p.day === wall.day &&
        p.hour === wall.hour &&
        p.minute === wall.minute &&
        p.second === wall.second
      );
    });
}
