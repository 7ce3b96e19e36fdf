/**
 * @module The office's side of the calculator (section `campaigns`): read, save (validated, formula compiled, audited
 * in the same transaction) and a preview that computes with a configuration not yet saved, for the editor.
 */
import { and, eq } from 'drizzle-orm';
import type { Identity } from '../auth/identity.ts';
import { requirePermission, type Section } from '../auth/permissions.ts';
import type { CampaignRow } from '../campaigns/campaign.service.ts';
import { type Db, schema } from '../db/client.ts';
import { inTransaction } from '../db/transactions.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { changesNothing, recordAudit } from '../office/audit.ts';
import { nextSavedAt, SavedMeanwhileError } from '../office/one-save-per-copy.ts';
import { type CalculationResult, calculate, type RawInputs } from './calculation.ts';
import { type CalculatorConfig, readCalculatorConfig, validateCalculatorConfig } from './calculator-config.ts';

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

/** The configuration and `savedAt`, the `updatedAt` a save names as the copy it was made on (null: none yet). */
export interface OfficeCalculator {
  config: CalculatorConfig | null;
  savedAt: number | null;
}

export async function officeCalculator(db: Db, identity: Identity, campaignId: number): Promise<OfficeCalculator> {
  await officeCampaignFor(db, identity, campaignId, 'campaigns');
  const [row] = await db
    .select({ config: schema.calculators.config, updatedAt: schema.calculators.updatedAt })
    .from(schema.calculators)
    .where(eq(schema.calculators.campaignId, campaignId))
    .limit(1);
  return row
    ? { config: readCalculatorConfig(row.config).config, savedAt: row.updatedAt }
    : { config: null, savedAt: null };
}

/**
 * Validates and stores the campaign's calculator (422 `invalid_formula` with the position for a bad formula) if it is
 * still the copy the edit was made on (`savedAt`; null when the campaign had none): otherwise 409 `saved_meanwhile`,
 * nothing written (../office/one-save-per-copy.ts).
 * @example await saveCalculator(deps, identity, 7, { inputs: [...], formula: 'area * 1200', ... }, 1764000000000)
 */
export async function saveCalculator(
  deps: Deps,
  identity: Identity,
  campaignId: number,
  raw: unknown,
  savedAt: number | null,
): Promise<{ config: CalculatorConfig; savedAt: number }> {
  const campaign = await officeCampaignFor(deps.db, identity, campaignId, 'campaigns');
  const { config } = validateCalculatorConfig(raw);
  const now = deps.now();
  const { calculators } = schema;
  return inTransaction(deps.db, async (tx) => {
    const [before] = await tx
      .select({ config: calculators.config, updatedAt: calculators.updatedAt })
      .from(calculators)
      .where(eq(calculators.campaignId, campaignId))
      .limit(1);
    // The copy it was made on, saved as it is: nothing written, nothing audited, the copy still current.
    if (before && savedAt !== null && before.updatedAt === savedAt && changesNothing(before.config, config)) {
      return { config, savedAt };
    }
    // The check is in the write itself: a concurrent save of the same copy waits for this one and then matches nothing.
    const updatedAt = savedAt === null ? now : nextSavedAt(now, savedAt);
    const written =
      savedAt === null
        ? await tx
            .insert(calculators)
            .values({ campaignId, config, updatedAt })
            .onConflictDoNothing({ target: calculators.campaignId })
            .returning({ id: calculators.id })
        : await tx
            .update(calculators)
            .set({ config, updatedAt })
            .where(and(eq(calculators.campaignId, campaignId), eq(calculators.updatedAt, savedAt)))
            .returning({ id: calculators.id });
    if (written.length === 0) throw new SavedMeanwhileError('calculator');
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
    return { config, savedAt: updatedAt };
  });
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
