/**
 * @module The shape of a catalogue entry: a ready mechanic a brand clones into a draft. One file per template in
 * this folder, listed once in index.ts. Texts in Russian and English; dates computed from the moment of cloning.
 */
import type { z } from '@hono/zod-openapi';
import type { LegalType, Mechanic } from '../../db/schema/campaign.ts';
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
  /** The draft's content, its schedule relative to `now` (e.g. starts tomorrow, runs 14 days). */
  document(now: number): TemplateContent;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Tomorrow at 00:00 UTC: a round start a brand can move. */
export function tomorrow(now: number): number {
  return Math.floor(now / DAY_MS) * DAY_MS + DAY_MS;
}
