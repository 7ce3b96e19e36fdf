/**
 * @module A time zone as the API takes it: an IANA name, kept as Intl spells it. Intl reads zone names without regard
 * to case, so `europe/moscow` passed the old check and was stored as typed: the office's zone list then showed it as a
 * zone of its own beside `Europe/Moscow`, and every answer repeated the typo. A name Intl does not know is refused.
 * One schema for every input that names a zone (the campaign document, the statistics query).
 */
import { z } from '@hono/zod-openapi';

/**
 * The canonical spelling of a zone Intl knows, or undefined.
 * @example canonicalTimeZone('europe/moscow') // 'Europe/Moscow'
 */
export function canonicalTimeZone(zone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

export const TimeZoneSchema = z
  .string()
  .max(64)
  .refine((zone) => canonicalTimeZone(zone) !== undefined, 'An IANA time zone, e.g. Europe/Moscow')
  // Runs after a failed refinement too (the issue stands); the name is then left as it came.
  .overwrite((zone) => canonicalTimeZone(zone) ?? zone)
  .openapi({
    description: 'An IANA time zone; stored and answered in its canonical spelling',
    example: 'Europe/Moscow',
  });
