/**
 * @module The shape of a catalogue entry: a ready mechanic a brand clones into a draft. One file per template in
 * this folder, listed once in index.ts. Texts in Russian and English; dates computed from the moment of cloning.
 */
import type { z } from '@hono/zod-openapi';
import type { ContentLanguage } from '../../campaigns/content-language.ts';
import type { LegalType, Mechanic } from '../../db/schema/campaign.ts';
import { localParts, wallClockInstant } from '../../time-zone.ts';
import type { Bilingual, CampaignContentSchema } from '../campaigns/campaign-document.ts';

/** A template's content as written (pool counts and other defaults may be left out). */
export type TemplateContent = z.input<typeof CampaignContentSchema>;

export interface CampaignTemplate {
  key: string;
  mechanic: Mechanic;
  legalType: LegalType;
  title: Bilingual;
  /** What the mechanic is for, in a sentence or two: the catalogue card's text. */
  purpose: Bilingual;
  /**
   * The draft's content, its schedule relative to `now` (e.g. starts tomorrow, runs 14 days), its pools named in
   * `language` (the cloning member's office language; Russian when not given).
   */
  document(now: number, language?: ContentLanguage): TemplateContent;
}

/**
 * A pool's name in the language of the member who clones. A pool has one name (the manager renames it in their own
 * words), not one per language like the participant's texts, so the template's pair is settled at clone time: an
 * English office had pools named «Промокоды −15%».
 * @example poolNameIn({ ru: 'Промокоды −15%', en: 'Promo codes −15%' }, 'en') // 'Promo codes −15%'
 */
export const poolNameIn = (name: Bilingual, language: ContentLanguage = 'ru'): string => name[language];

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Where every template's campaign runs until the brand says otherwise: the agency's market. */
export const TEMPLATE_TIME_ZONE = 'Europe/Moscow';

/**
 * The start of tomorrow where the campaign runs: a round start a brand can move. It was 00:00 UTC — 03:00 in Moscow,
 * and from 21:00 UTC (00:00 in Moscow) that was later the same Moscow day, so «tomorrow» read as today.
 * @example tomorrow(Date.UTC(2026, 11, 6, 22), 'Europe/Moscow') // Date.UTC(2026, 11, 7, 21): 8 December 00:00 in Moscow
 */
export function tomorrow(now: number, timeZone = TEMPLATE_TIME_ZONE): number {
  const today = localParts(now, timeZone);
  // Date.UTC carries day 32 into the next month.
  const next = new Date(Date.UTC(today.year, today.month - 1, today.day + 1));
  const day = {
    year: next.getUTCFullYear(),
    month: next.getUTCMonth() + 1,
    day: next.getUTCDate(),
    minute: 0,
    second: 0,
  };
  // A zone whose DST change skips midnight starts that day at 01:00.
  return (wallClockInstant({ ...day, hour: 0 }, timeZone) ?? wallClockInstant({ ...day, hour: 1 }, timeZone)) as number;
}
