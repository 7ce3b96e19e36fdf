/**
 * @module The office's side of the calculator (section `campaigns`): read, save (validated, formula compiled, audited
 * in the same transaction) and a preview that computes with a configuration not yet saved, for the editor.
 */
import { eq } from 'drizzle-orm';
import type { Identity } from '../auth/identity.ts';
import { requirePermission, type Section } from '../auth/permissions.ts';
import type { CampaignRow } from '../campaigns/campaign.service.ts';
import { type Db, schema } from '../db/client.ts';
import { inTransaction } from '../db/transactions.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { recordAudit } from '../office/audit.ts';
import { type CalculationResult, calculate, type RawInputs } from './calculation.ts';
import { type CalculatorConfig, validateCalculatorConfig } from './calculator-config.ts';

/** The campaign, when the caller may open `section` of its brand (404 / 403 otherwise). */
export async function officeCampaignFor(
  db: Db,
  identity: Identity,
  campaignId: number,
  section: Section,
): Promise<CampaignRow> {
  const [campaign] = await db.select().from(schema.campaigns).where(eq(schema.campaigns.id, campaignId)).limit(1);
  if (!campaign) throw new ApiError(404, 'campaign_not_found', `Campaign ${campaignId} does not exist`);
  await requirePermission(db, identity, campaign.brandId, section);
  return campaign;
}

export async function officeCalculator(
  db: Db,
  identity: Identity,
  campaignId: number,
): Promise<{ config: CalculatorConfig | null }> {
  await officeCampaignFor(db, identity, campaignId, 'campaigns');
  const [row] = await db
    .select({ config: schema.calculators.config })
    .from(schema.calculators)
    .where(eq(schema.calculators.campaignId, campaignId))
    .limit(1);
  return { config: row ? validateCalculatorConfig(row.config).config : null };
}

/**
 * Validates and stores the campaign's calculator (422 `invalid_formula` with the position for a bad formula).
 * @example await saveCalculator(deps, identity, 7, { inputs: [...], formula: 'area * 1200', ... })
 */
export async function saveCalculator(
  deps: Deps,
  identity: Identity,
  campaignId: number,
  raw: unknown,
): Promise<{ config: CalculatorConfig }> {
  const campaign = await officeCampaignFor(deps.db, identity, campaignId, 'campaigns');
  const { config } = validateCalculatorConfig(raw);
  const now = deps.now();
  await inTransaction(deps.db, async (tx) => {
    const [before] = await tx
      .select({ config: schema.calculators.config })
      .from(schema.calculators)
      .where(eq(schema.calculators.campaignId, campaignId))
      .limit(1);
    await tx
      .insert(schema.calculators)
      .values({ campaignId, config, updatedAt: now })
      .onConflictDoUpdate({ target: schema.calculators.campaignId, set: { config, updatedAt: now } });
    await recordAudit(tx, {
      actor: identity,
      brandId: campaign.brandId,
      section: 'campaigns',
      action: 'calculator.save',
      entity: 'campaign',
      entityId: campaignId,
      before: before?.config ?? null,
      after: config,
    });
  });
  return { config };
}

/** Computes with an unsaved configuration: the editor's live preview (nothing stored, no funnel event). */
export async function previewCalculator(
  db: Db,
  identity: Identity,
  campaignId: number,
  raw: unknown,
  inputs: RawInputs,
): Promise<CalculationResult> {
  await officeCampaignFor(db, identity, campaignId, 'campaigns');
  return calculate(validateCalculatorConfig(raw), inputs, identity.language);
}
