/** @module The catalogue of ready mechanics, in the order the office shows them. One line per template. */
import type { CampaignTemplate } from './campaign-template.ts';

export const TEMPLATES: readonly CampaignTemplate[] = [];

export function findTemplate(key: string): CampaignTemplate | undefined {
  return TEMPLATES.find((t) => t.key === key);
}
