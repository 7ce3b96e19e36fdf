/** An offer's day as the office's offer list writes it. */
import { dateTimeFormat, type Language } from '../../intl-formats.ts';

/**
 * `2026-06-05` → `5 июн. 2026 г.` / `5 Jun 2026`: the day as the feed wrote it (read in UTC, so no time zone shifts it),
 * by the shared formatter (intl-formats.ts) — a list of offers made one formatter per date before.
 * @example offerDay('2026-06-05', 'en') // '5 Jun 2026'
 */
export function offerDay(date: string, language: Language): string {
  const [y, m, d] = date.split('-').map(Number);
  return dateTimeFormat(language, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1),
  );
}
