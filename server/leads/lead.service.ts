/**
 * @module A participant's lead after a calculation. The result is computed again on the server from the inputs sent
 * (the client's number is never read); phone and e-mail are marked verified only when VK's bridge `sign` checks out
 * (a sign that does not is refused: someone changed the value); consent is required and stored with the exact text,
 * its version and the brand's policy link the participant saw (152-FZ). One lead per participant per campaign: a
 * repeat answers the first. The lead, its CRM delivery row (the webhook outbox) and the `lead_sent` event are one
 * transaction, so an acknowledged lead is always on its way to the CRM.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Identity } from '../auth/identity.ts';
import { type SignedField, verifyBridgeSign } from '../auth/vk-bridge-sign.ts';
import { calculate, type RawInputs } from '../calculator/calculation.ts';
import { requireCalculator } from '../calculator/calculator.service.ts';
import { resolveText } from '../campaigns/resolve-text.ts';
import { schema } from '../db/client.ts';
import { inserted } from '../db/rows.ts';
import { inTransaction } from '../db/transactions.ts';
import type { Deps } from '../deps.ts';
import { recordEvent } from '../funnel/record-event.ts';
import { ApiError, fieldRefusal } from '../http/errors.ts';
import { vkAppSecret } from '../office/agency/agency-secrets.ts';
import { loadCampaign, requireParticipantId, requireRunning } from '../promo/promo-context.ts';

export interface ContactValue {
  value: string;
  /** VK's `sign` from VKWebAppGetPhoneNumber / VKWebAppGetEmail, when the value came from there. */
  sign?: string | undefined;
}

export interface LeadInput {
  inputs: RawInputs;
  name: string;
  phone?: ContactValue | undefined;
  email?: ContactValue | undefined;
  consent: boolean;
  /** The consent version the form showed; a stale one is refused so the stored text is the one seen. */
  consentVersion: string;
}

export interface LeadReceipt {
  key: string;
  result: number;
  phoneVerified: boolean;
  emailVerified: boolean;
  /** True when this participant had sent a lead before; that one is answered, nothing new is stored. */
  already: boolean;
}

/** Digits only, with the country code; 10–15 digits (E.164). */
export function normalisePhone(raw: string): string | undefined {
  const digits = raw.replace(/[\s()+-]/g, '');
  return /^\d{10,15}$/.test(digits) ? digits : undefined;
}

async function verified(
  deps: Deps,
  identity: Identity,
  field: SignedField,
  contact: ContactValue | undefined,
): Promise<boolean> {
  if (!contact?.sign) return false;
  // Only VK signs these; on OK or Telegram a sign means nothing we can check. VK signs with the secure key of the app
  // the participant launched, a brand's own app included (the key the launch itself was verified with).
  const secret = identity.platform === 'vk' ? await vkAppSecret(deps, Number(identity.appId)) : undefined;
  const ok =
    secret !== undefined &&
    verifyBridgeSign({
      appId: identity.appId,
      secret,
      userId: identity.userId,
      field,
      value: contact.value,
      sign: contact.sign,
    });
  if (!ok)
    throw new ApiError(422, 'invalid_sign', `The ${field} sign does not match the value`, [
      { path: field === 'email' ? 'email.sign' : 'phone.sign', message: 'does not verify' },
    ]);
  return true;
}

/**
 * Stores a lead and queues its CRM delivery.
 * @example await submitLead(deps, identity, 7, { inputs, name: 'Анна', phone: { value: '79111234567', sign }, consent: true, consentVersion: 'v1' })
 */
export async function submitLead(
  deps: Deps,
  identity: Identity,
  campaignId: number,
  input: LeadInput,
): Promise<LeadReceipt> {
  const campaign = await loadCampaign(deps, identity, campaignId);
  const now = deps.now();
  requireRunning(campaign, now);
  const calculator = await requireCalculator(deps.db, campaignId);
  const { id: participantId } = await requireParticipantId(deps.db, campaignId, identity);
  const { lead: consent } = calculator.config;
  if (!input.consent) {
    throw fieldRefusal('consent_required', 'consent', 'Consent to personal-data processing is required');
  }
  if (input.consentVersion !== consent.consentVersion) {
    throw new ApiError(409, 'consent_outdated', 'The consent text has changed; show the current one and ask again');
  }
  const phone = input.phone ? normalisePhone(input.phone.value) : undefined;
  if (input.phone && !phone) {
    throw new ApiError(422, 'invalid_input', 'Invalid lead', [
      { path: 'phone.value', message: '10–15 digits with the country code' },
    ]);
  }
  if (!phone && !input.email) {
    // Either field would do: both are named, so a form marks both.
    throw new ApiError(422, 'invalid_input', 'Invalid lead', [
      { path: 'phone', message: 'a phone or an e-mail is required' },
      { path: 'email', message: 'a phone or an e-mail is required' },
    ]);
  }
  const phoneVerified = await verified(deps, identity, 'phone_number', input.phone);
  const emailVerified = await verified(deps, identity, 'email', input.email);
  const calculation = calculate(calculator, input.inputs, identity.language);

  return inTransaction(deps.db, async (tx) => {
    const [hook] = await tx
      .select({ url: schema.calculators.webhookUrl })
      .from(schema.calculators)
      .where(eq(schema.calculators.campaignId, campaignId))
      .limit(1);
    // The unique (campaign, participant) index decides a race between two submits of one participant.
    const [row] = await tx
      .insert(schema.leads)
      .values({
        key: randomUUID(),
        campaignId,
        participantId,
        name: input.name.trim(),
        phone: phone ?? null,
        phoneVerified,
        email: input.email?.value.trim().toLowerCase() ?? null,
        emailVerified,
        calculation: { inputs: calculation.inputs, result: calculation.result },
        consentAt: now,
        consentVersion: consent.consentVersion,
        consentText: resolveText(consent.consentText, identity.language),
        policyUrl: consent.policyUrl,
      })
      .onConflictDoNothing()
      .returning({ id: schema.leads.id, key: schema.leads.key });
    if (!row) {
      const first = inserted(
        await tx
          .select()
          .from(schema.leads)
          .where(and(eq(schema.leads.campaignId, campaignId), eq(schema.leads.participantId, participantId)))
          .limit(1),
      );
      const result = Number((first.calculation as { result?: unknown }).result);
      return {
        key: first.key,
        result,
        phoneVerified: first.phoneVerified,
        emailVerified: first.emailVerified,
        already: true,
      };
    }
    if (hook?.url) await tx.insert(schema.leadDeliveries).values({ leadId: row.id, nextAttemptAt: now });
    await recordEvent(
      tx,
      { campaignId, participantId, type: 'lead_sent', at: now, data: { leadId: row.id } },
      campaign.stages,
    );
    return { key: row.key, result: calculation.result, phoneVerified, emailVerified, already: false };
  });
}
