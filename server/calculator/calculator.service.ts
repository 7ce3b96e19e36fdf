/**
 * @module The participant's side of the calculator mechanic: open it (funnel stage `calculator_opened`) and calculate
 * (stage `calculated`), always on the server from validated inputs. Leads are server/leads/.
 */
import { eq } from 'drizzle-orm';
import type { Identity } from '../auth/identity.ts';
import { type Db, schema } from '../db/client.ts';
import { inTransaction, type Tx } from '../db/transactions.ts';
import type { Deps } from '../deps.ts';
import { recordEvent } from '../funnel/record-event.ts';
import { ApiError } from '../http/errors.ts';
import { loadCampaign, requireParticipantId, requireRunning } from '../promo/promo-context.ts';
import { type CalculationResult, calculate, type RawInputs } from './calculation.ts';
import { type Calculator, readCalculatorConfig } from './calculator-config.ts';
import { type ParticipantCalculatorView, participantView } from './participant-view.ts';

/** The funnel stages this mechanic records, in order. */
export const CALCULATOR_STAGES = ['calculator_opened', 'calculated', 'lead_sent'] as const;

/** The campaign's calculator, parsed and compiled, or undefined when it has none. */
export async function findCalculator(db: Db | Tx, campaignId: number): Promise<Calculator | undefined> {
  const [row] = await db
    .select({ config: schema.calculators.config })
    .from(schema.calculators)
    .where(eq(schema.calculators.campaignId, campaignId))
    .limit(1);
  return row ? readCalculatorConfig(row.config) : undefined;
}

export async function requireCalculator(db: Db | Tx, campaignId: number): Promise<Calculator> {
  const calculator = await findCalculator(db, campaignId);
  if (!calculator) throw new ApiError(409, 'no_calculator', 'This campaign has no calculator');
  return calculator;
}

/**
 * Opens the calculator for a participant of a running campaign and records `calculator_opened`.
 * @example const view = await openCalculator(deps, identity, 7)
 */
export async function openCalculator(
  deps: Deps,
  identity: Identity,
  campaignId: number,
): Promise<ParticipantCalculatorView> {
  const campaign = await loadCampaign(deps, identity, campaignId);
  const now = deps.now();
  requireRunning(campaign, now);
  const calculator = await requireCalculator(deps.db, campaignId);
  const { id: participantId } = await requireParticipantId(deps.db, campaignId, identity);
  await inTransaction(deps.db, (tx) =>
    recordEvent(tx, { campaignId, participantId, type: 'calculator_opened', at: now }, campaign.stages),
  );
  return participantView(calculator.config, identity.language);
}

/**
 * Computes the result from the participant's inputs and records `calculated` with them.
 * @example await calculateFor(deps, identity, 7, { area: 54, rooms: 2, insured: true })
 */
export async function calculateFor(
  deps: Deps,
  identity: Identity,
  campaignId: number,
  inputs: RawInputs,
): Promise<CalculationResult> {
  const campaign = await loadCampaign(deps, identity, campaignId);
  const now = deps.now();
  requireRunning(campaign, now);
  const calculator = await requireCalculator(deps.db, campaignId);
  const { id: participantId } = await requireParticipantId(deps.db, campaignId, identity);
  const result = calculate(calculator, inputs, identity.language);
  await inTransaction(deps.db, (tx) =>
    recordEvent(
      tx,
      {
        campaignId,
        participantId,
        type: 'calculated',
        at: now,
        data: { inputs: result.inputs, result: result.result },
      },
      campaign.stages,
    ),
  );
  return result;
}
