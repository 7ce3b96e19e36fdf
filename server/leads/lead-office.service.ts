/**
 * @module The office's leads inbox (section `leads`): the list with each lead's CRM delivery state, one lead with its
 * delivery log, status changes (audited), a formula-safe CSV export, and the CRM webhook's URL and secret.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Identity } from '../auth/identity.ts';
import { officeCampaignFor } from '../calculator/calculator-office.service.ts';
import { type Db, schema } from '../db/client.ts';
import type { LeadStatus } from '../db/schema/calculator.ts';
import { inTransaction } from '../db/transactions.ts';
import type { Deps } from '../deps.ts';
import { toCsv } from '../http/csv.ts';
import { csvHeader, csvWord, yesNo } from '../http/csv-words.ts';
import { ApiError } from '../http/errors.ts';
import { changesNothing, recordAudit } from '../office/audit.ts';
import type { OfficeCsv } from '../office-downloads/office-download-grant.ts';
import { DELIVERY_STATUS_WORDS, LEAD_STATUS_WORDS, LEADS_CSV_COLUMNS } from './lead-words.ts';
import { webhookUrlProblem } from './webhook-address-guard.ts';
import { openWebhookSecret, sealWebhookSecret } from './webhook-secret.ts';

const { leads, leadDeliveries, leadDeliveryAttempts, calculators } = schema;

export interface LeadView {
  id: number;
  key: string;
  name: string;
  phone: string | null;
  phoneVerified: boolean;
  email: string | null;
  emailVerified: boolean;
  calculation: Record<string, unknown>;
  consentAt: number;
  consentVersion: string;
  policyUrl: string;
  status: LeadStatus;
  createdAt: number;
  delivery: {
    status: 'pending' | 'delivered' | 'failed';
    attempts: number;
    lastError: string | null;
    deliveredAt: number | null;
  } | null;
}

const listColumns = {
  lead: leads,
  dStatus: leadDeliveries.status,
  dAttempts: leadDeliveries.attempts,
  dError: leadDeliveries.lastError,
  dAt: leadDeliveries.deliveredAt,
};
type ListRow = {
  lead: typeof leads.$inferSelect;
  dStatus: LeadView['status'] | string | null;
  dAttempts: number | null;
  dError: string | null;
  dAt: number | null;
};

function view(r: ListRow): LeadView {
  const l = r.lead;
  return {
    id: l.id,
    key: l.key,
    name: l.name,
    phone: l.phone,
    phoneVerified: l.phoneVerified,
    email: l.email,
    emailVerified: l.emailVerified,
    calculation: l.calculation,
    consentAt: l.consentAt,
    consentVersion: l.consentVersion,
    policyUrl: l.policyUrl,
    status: l.status,
    createdAt: l.createdAt,
    delivery:
      r.dStatus === null
        ? null
        : {
            status: r.dStatus as 'pending' | 'delivered' | 'failed',
            attempts: r.dAttempts ?? 0,
            lastError: r.dError,
            deliveredAt: r.dAt,
          },
  };
}

async function campaignLeads(db: Db, campaignId: number, limit: number): Promise<LeadView[]> {
  const rows = await db
    .select(listColumns)
    .from(leads)
    .leftJoin(leadDeliveries, eq(leadDeliveries.leadId, leads.id))
    .where(eq(leads.campaignId, campaignId))
    .orderBy(desc(leads.id))
    .limit(limit);
  return rows.map(view);
}

export async function listLeads(db: Db, identity: Identity, campaignId: number): Promise<{ leads: LeadView[] }> {
  await officeCampaignFor(db, identity, campaignId, 'leads');
  return { leads: await campaignLeads(db, campaignId, 1000) };
}

async function leadRow(db: Db, campaignId: number, leadId: number): Promise<ListRow> {
  const [row] = await db
    .select(listColumns)
    .from(leads)
    .leftJoin(leadDeliveries, eq(leadDeliveries.leadId, leads.id))
    .where(and(eq(leads.id, leadId), eq(leads.campaignId, campaignId)))
    .limit(1);
  if (!row) throw new ApiError(404, 'lead_not_found', 'No such lead in this campaign');
  return row;
}

export async function leadDetail(db: Db, identity: Identity, campaignId: number, leadId: number) {
  await officeCampaignFor(db, identity, campaignId, 'leads');
  const row = await leadRow(db, campaignId, leadId);
  const log = await db
    .select()
    .from(leadDeliveryAttempts)
    .where(eq(leadDeliveryAttempts.leadId, leadId))
    .orderBy(asc(leadDeliveryAttempts.id));
  return {
    ...view(row),
    consentText: row.lead.consentText,
    deliveryLog: log.map((a) => ({
      attempt: a.attempt,
      startedAt: a.startedAt,
      finishedAt: a.finishedAt,
      durationMs: a.finishedAt - a.startedAt,
      outcome: a.outcome,
      httpStatus: a.httpStatus,
      error: a.error,
    })),
  };
}

export async function setLeadStatus(
  deps: Deps,
  identity: Identity,
  campaignId: number,
  leadId: number,
  status: LeadStatus,
): Promise<LeadView> {
  const campaign = await officeCampaignFor(deps.db, identity, campaignId, 'leads');
  await inTransaction(deps.db, async (tx) => {
    const [before] = await tx
      .select({ status: leads.status })
      .from(leads)
      .where(and(eq(leads.id, leadId), eq(leads.campaignId, campaignId)))
      .limit(1);
    if (!before) throw new ApiError(404, 'lead_not_found', 'No such lead in this campaign');
    if (changesNothing(before, { status })) return;
    await tx.update(leads).set({ status, statusChangedAt: deps.now() }).where(eq(leads.id, leadId));
    await recordAudit(tx, {
      actor: identity,
      brandId: campaign.brandId,
      section: 'leads',
      action: 'lead.status',
      entity: 'lead',
      entityId: leadId,
      before,
      after: { status },
    });
  });
  return view(await leadRow(deps.db, campaignId, leadId));
}

/**
 * Every lead as CSV in the member's language, states worded as the inbox shows them (lead-words.ts); text a participant
 * typed is neutralised against spreadsheet formulas (http/csv.ts). The office route and a signed link
 * (server/office-downloads/) both serve it, each checking the member's `leads` right now.
 */
export async function leadsCsv(db: Db, identity: Identity, campaignId: number): Promise<OfficeCsv> {
  const campaign = await officeCampaignFor(db, identity, campaignId, 'leads');
  const rows = await campaignLeads(db, campaignId, 100_000);
  const language = identity.language;
  const csv = toCsv(
    csvHeader(LEADS_CSV_COLUMNS, language),
    rows.map((l) => [
      l.id,
      new Date(l.createdAt).toISOString(),
      l.name,
      l.phone,
      yesNo(l.phoneVerified, language),
      l.email,
      yesNo(l.emailVerified, language),
      Number(l.calculation.result),
      JSON.stringify(l.calculation.inputs ?? {}),
      csvWord(LEAD_STATUS_WORDS, l.status, language),
      l.consentVersion,
      new Date(l.consentAt).toISOString(),
      l.policyUrl,
      csvWord(DELIVERY_STATUS_WORDS, l.delivery?.status, language),
    ]),
    // For the Excel of the member's language (server/http/csv.ts, decision 075), in its words (decision 076).
    language,
  );
  return { csv, fileName: `leads-${campaignId}.csv`, brandId: campaign.brandId };
}

export async function webhookSettings(db: Db, identity: Identity, campaignId: number) {
  await officeCampaignFor(db, identity, campaignId, 'leads');
  const [row] = await db
    .select({ url: calculators.webhookUrl, sealed: calculators.webhookSecretCiphertext })
    .from(calculators)
    .where(eq(calculators.campaignId, campaignId))
    .limit(1);
  return { url: row?.url ?? null, secretSet: Boolean(row?.sealed) };
}

/** Whether the stored secret is `secret` (one no configured key opens is not). */
function holdsSecret(deps: Deps, campaignId: number, sealed: string | null, secret: string | undefined): boolean {
  if (!sealed || secret === undefined) return false;
  try {
    return openWebhookSecret(deps.config, campaignId, sealed) === secret;
  } catch {
    return false;
  }
}

/**
 * Sets the CRM webhook (null URL switches it off). The secret is kept when not sent; it is never answered.
 * @example await saveWebhook(deps, identity, 7, { url: 'https://crm.example/hooks/leads', secret: 's3cr3t…' })
 */
export async function saveWebhook(
  deps: Deps,
  identity: Identity,
  campaignId: number,
  input: { url: string | null; secret?: string | undefined },
) {
  const campaign = await officeCampaignFor(deps.db, identity, campaignId, 'leads');
  const problem = input.url ? webhookUrlProblem(input.url, deps.config.CRM_WEBHOOK_ALLOW_LOCAL) : undefined;
  if (problem) {
    throw new ApiError(422, 'invalid_webhook_url', `The webhook URL ${problem.message}`, [
      {
        path: 'url',
        message: problem.message,
        code: problem.code,
        ...(problem.params ? { params: problem.params } : {}),
      },
    ]);
  }
  await inTransaction(deps.db, async (tx) => {
    const [row] = await tx
      .select({ url: calculators.webhookUrl, sealed: calculators.webhookSecretCiphertext })
      .from(calculators)
      .where(eq(calculators.campaignId, campaignId))
      .limit(1);
    if (!row) throw new ApiError(409, 'no_calculator', 'Save the calculator first');
    const sealed = input.secret ? sealWebhookSecret(deps.config, campaignId, input.secret) : row.sealed;
    if (input.url && !sealed)
      throw new ApiError(422, 'invalid_input', 'A webhook needs a secret', [{ path: 'secret', message: 'required' }]);
    const secretChanged = Boolean(input.secret) && !holdsSecret(deps, campaignId, row.sealed, input.secret);
    if (changesNothing({ url: row.url, secretChanged: false }, { url: input.url, secretChanged })) return;
    await tx
      .update(calculators)
      .set({ webhookUrl: input.url, webhookSecretCiphertext: sealed })
      .where(eq(calculators.campaignId, campaignId));
    await recordAudit(tx, {
      actor: identity,
      brandId: campaign.brandId,
      section: 'leads',
      action: 'lead_webhook.save',
      entity: 'campaign',
      entityId: campaignId,
      before: { url: row.url },
      after: { url: input.url, secretChanged },
    });
  });
  return webhookSettings(deps.db, identity, campaignId);
}
