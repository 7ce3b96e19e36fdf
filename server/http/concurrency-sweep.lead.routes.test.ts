/**
 * The calculator's writes sent 2 and 8 times at once through the real app (`createApp`): a participant's lead form
 * (one per participant: one lead, one CRM delivery row, one `lead_sent` event; a repeat answers the first lead's key)
 * and the office's calculator save from one copy (one save, one audit row; the others told it was saved meanwhile).
 */
import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type CalculatorWorld,
  createCalculatorWorld,
  INSURANCE,
  OFFICE_USER,
} from '../calculator/testing/calculator-world.ts';
import { schema } from '../db/client.ts';
import { type Answer, burstProblems } from './testing/burst.ts';

let w: CalculatorWorld;
afterEach(async () => w?.close());

const { leads, leadDeliveries, events, officeAudit } = schema;

async function burst(n: number, method: string, path: string, user: number, body: unknown): Promise<Answer[]> {
  return Promise.all(
    Array.from({ length: n }, async () => {
      const res = await w.call(method, path, user, body);
      return { status: res.status, body: await res.json() };
    }),
  );
}

describe.each([2, 8])('a calculator write %i times at once', (n) => {
  it('a lead form: one lead, one CRM delivery, one lead_sent event; every answer names that lead', async () => {
    w = await createCalculatorWorld({ CRM_WEBHOOK_ALLOW_LOCAL: '1' });
    expect((await w.saveCalculator()).status).toBe(200);
    const hook = await w.call('PUT', `/api/admin/campaigns/${w.campaignId}/leads-webhook`, OFFICE_USER, {
      url: 'http://127.0.0.1:9/crm',
      secret: 'crm-shared-secret-0123456789',
    });
    expect(hook.status).toBe(200);
    const user = 700;
    await w.join(user);
    const answers = await burst(n, 'POST', `/api/campaigns/${w.campaignId}/calculator/lead`, user, {
      inputs: { area: 50, price: 20, gas: false, months: 12 },
      name: 'Лид',
      email: { value: 'lead@example.com' },
      consent: true,
      consentVersion: '2026-11-01',
    });
    const lead = (a: Answer) => {
      const { key, result } = a.body as { key: string; result: number };
      return { key, result };
    };
    expect(burstProblems(answers, { winners: n, sameAnswer: lead })).toEqual([]);
    const rows = await w.deps.db.select().from(leads).where(eq(leads.campaignId, w.campaignId));
    expect(rows).toHaveLength(1);
    const deliveries = w.deps.db
      .select()
      .from(leadDeliveries)
      .where(eq(leadDeliveries.leadId, rows[0]?.id as number));
    expect(await deliveries).toHaveLength(1);
    const sent = w.deps.db
      .select()
      .from(events)
      .where(and(eq(events.campaignId, w.campaignId), eq(events.type, 'lead_sent')));
    expect(await sent).toHaveLength(1);
  });

  it('a calculator save from one copy: one save, one audit row; the others are told it was saved meanwhile', async () => {
    w = await createCalculatorWorld();
    expect((await w.saveCalculator()).status).toBe(200);
    const read = await w.call('GET', `/api/admin/campaigns/${w.campaignId}/calculator`, OFFICE_USER);
    const { savedAt } = (await read.json()) as { savedAt: number };
    const audits = () => w.deps.db.select().from(officeAudit).where(eq(officeAudit.action, 'calculator.save'));
    const before = (await audits()).length;
    const config = { ...INSURANCE, resultText: { ru: `Полис на ${n}: {result} ₽`, en: 'Policy: {result} RUB' } };
    const answers = await burst(n, 'PUT', `/api/admin/campaigns/${w.campaignId}/calculator`, OFFICE_USER, {
      config,
      savedAt,
    });
    expect(burstProblems(answers, { refusals: ['saved_meanwhile'], winners: 1 })).toEqual([]);
    expect((await audits()).length).toBe(before + 1);
  });
});
