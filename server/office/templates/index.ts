/** @module The catalogue of ready mechanics, in the order the office shows them. One line per template. */
import { calculatorLead } from './calculator-lead.ts';
import type { CampaignTemplate } from './campaign-template.ts';
import { giveawayDraw } from './giveaway-draw.ts';
import { packCodeTemplate } from './pack-code.ts';
import { quizTiers } from './quiz-tiers.ts';
import { tasksReward } from './tasks-reward.ts';
import { wheelInstant } from './wheel-instant.ts';

export const TEMPLATES: readonly CampaignTemplate[] = [
  tasksReward,
  quizTiers,
  wheelInstant,
  packCodeTemplate,
  giveawayDraw,
  calculatorLead,
];

export function findTemplate(key: string): CampaignTemplate | undefined {
  return TEMPLATES.find((t) => t.key === key);
}
