import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { type CrmReceiver, startCrmReceiver } from '../../tests/fakes/crm-receiver.ts';
import { type CalculatorWorld, createCalculatorWorld, OFFICE_USER } from '../calculator/testing/calculator-world.ts';
import { schema } from '../db/client.ts';
import { backoffMs, type DeliveryPolicy } from './webhook-delivery.ts';
import { deliverDue } from './webhook-sender.ts';

const SECRET = 'crm-shared-secret-0123456789';
// The machine is shared (load average above 20 seen): a first local fetch took 1.4 s, so the timeout is generous.
const POLICY: DeliveryPolicy = {
  leaseMs: 20_000,
  timeoutMs: 3_000,
  maxAttempts: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 4_000,
  batch: 20,
};
let w: CalculatorWorld;
let crm: CrmReceiver | undefined;
afterEach(async () => {
  await crm?.close();
  crm = undefined;
  await w?.close();
});

/** A world with the webhook set and `n` participants who each left a lead; the leads' keys in order. */
async function leadsWaiting(n: number, receiver: CrmReceiver): Promise<string[]> {
  // The fake CRM is plain http on 127.0.0.1: reachable only with the tests' allow-local flag.
  w = await createCalculatorWorld({ CRM_WEBHOOK_ALLOW_LOCAL: '1' });
  await w.saveCalculator();
  const hook = await w.call('PUT', `/api/admin/campaigns/${w.campaignId}/leads-webhook`, OFFICE_USER, {
    url: receiver.url,
    secret: SECRET,
  });
  expect(await hook.json()).toEqual({ url: receiver.url, secretSet: true });
  const keys: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const user = 700 + i;
    await w.join(user);
    const res = await w.call('POST', `/api/campaigns/${w.campaignId}/calculator/lead`, user, {
      inputs: { area: 50 + i, price: 20, gas: false, months: 12 },
      name: `Lead ${i}`,
      email: { value: `lead${i}@example.com` },
      consent: true,
      consentVersion: '2026-11-01',
    });
    keys.push(((await res.json()) as { key: string }).key);
  }
  return keys;
}

describe('CRM webhook delivery', () => {
  it('item 4: a receiver that fails, times out and answers late gets every lead, signed, once after de-duplication', {
    timeout: 30_000,
  }, async () => {
    crm = await startCrmReceiver(SECRET, 4_500);
    const [failing, hanging, late, fine] = await leadsWaiting(4, crm);
    crm.script(failing as string, 'fail');
    crm.script(hanging as string, 'hang');
    crm.script(late as string, 'late');
    const deps = w.deps;
    const first = await deliverDue(deps, POLICY);
    expect(first).toEqual({ delivered: 1, retried: 3, failed: 0 });
    // Not due before the back-off.
    w.clock.advance(backoffMs(1, POLICY) - 1);
    expect(await deliverDue(deps, POLICY)).toEqual({ delivered: 0, retried: 0, failed: 0 });
    w.clock.advance(1);
    expect(await deliverDue(deps, POLICY)).toEqual({ delivered: 3, retried: 0, failed: 0 });

    // Each lead arrived with a valid signature; the late one twice, with one key, so the CRM kept it once.
    expect(crm.calls.every((c) => c.validSignature)).toBe(true);
    expect(crm.calls.filter((c) => c.key === late)).toHaveLength(2);
    expect(crm.calls.filter((c) => c.key === fine)).toHaveLength(1);
    expect([...crm.accepted.keys()].sort()).toEqual([failing, hanging, late, fine].sort());
    // biome-ignore lint/suspicious/noExplicitAny: the delivered body read field by field in assertions.
    const body = crm.accepted.get(fine as string) as Record<string, any>;
    expect(body).toMatchObject({
      event: 'lead.created',
      key: fine,
      lead: { name: 'Lead 3', email: 'lead3@example.com', calculation: { result: 1060 } },
      consent: { version: '2026-11-01', policyUrl: 'https://brand.example/privacy' },
    });

    const rows = await deps.db.select().from(schema.leadDeliveries);
    expect(rows.map((r) => r.status)).toEqual(['delivered', 'delivered', 'delivered', 'delivered']);
    // The delivery log per lead, as the office sees it.
    const [hangLead] = await deps.db
      .select()
      .from(schema.leads)
      .where(eq(schema.leads.key, hanging as string));
    const detail = (await (
      await w.call('GET', `/api/admin/campaigns/${w.campaignId}/leads/${hangLead?.id}`, OFFICE_USER)
    ).json()) as {
      delivery: { status: string; attempts: number };
      deliveryLog: { attempt: number; outcome: string }[];
    };
    expect(detail.delivery).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(detail.deliveryLog.map((a) => [a.attempt, a.outcome])).toEqual([
      [1, 'timeout'],
      [2, 'delivered'],
    ]);
  });

  it('item 4: retries back off exponentially up to a cap and stop at the attempt limit, logged', async () => {
    crm = await startCrmReceiver(SECRET);
    const [key] = await leadsWaiting(1, crm);
    crm.script(key as string, 'fail', 'fail', 'fail', 'fail');
    expect([1, 2, 3, 4, 5].map((a) => backoffMs(a, POLICY))).toEqual([1_000, 2_000, 4_000, 4_000, 4_000]);
    const results: string[] = [];
    for (let i = 0; i < POLICY.maxAttempts; i += 1) {
      const t = await deliverDue(w.deps, POLICY);
      results.push(t.failed ? 'failed' : t.retried ? 'retried' : 'none');
      const [row] = await w.deps.db.select().from(schema.leadDeliveries);
      if (t.retried) expect(row?.nextAttemptAt).toBe(w.clock.now + backoffMs(i + 1, POLICY));
      w.clock.advance(backoffMs(i + 1, POLICY));
    }
    expect(results).toEqual(['retried', 'retried', 'failed']);
    w.clock.advance(60_000);
    expect(await deliverDue(w.deps, POLICY)).toEqual({ delivered: 0, retried: 0, failed: 0 });
    const log = await w.deps.db.select().from(schema.leadDeliveryAttempts);
    expect(log.map((a) => [a.attempt, a.outcome, a.httpStatus])).toEqual([
      [1, 'http_error', 500],
      [2, 'http_error', 500],
      [3, 'http_error', 500],
    ]);
    const [row] = await w.deps.db.select().from(schema.leadDeliveries);
    expect(row).toMatchObject({ status: 'failed', attempts: 3, lastError: 'HTTP 500' });
  });
});

describe('delivery log per lead', () => {
  it('item 2: each attempt is in the lead detail with its time, status or reason and duration, as documented', {
    timeout: 30_000,
  }, async () => {
    crm = await startCrmReceiver(SECRET);
    const [key] = await leadsWaiting(1, crm);
    crm.script(key as string, 'hang', 'fail');
    // Real time here, so the duration is measured, not the fake clock's zero.
    const deps = { ...w.deps, now: Date.now };
    const policy = { ...POLICY, timeoutMs: 600, baseDelayMs: 0 };
    await deliverDue(deps, policy);
    await deliverDue(deps, policy);
    await deliverDue(deps, policy);
    const [lead] = await w.deps.db.select().from(schema.leads);
    const res = await w.call('GET', `/api/admin/campaigns/${w.campaignId}/leads/${lead?.id}`, OFFICE_USER);
    const detail = (await res.json()) as {
      deliveryLog: {
        attempt: number;
        startedAt: number;
        finishedAt: number;
        durationMs: number;
        outcome: string;
        httpStatus: number | null;
        error: string | null;
      }[];
    };
    const [hung, failed, ok] = detail.deliveryLog;
    expect(hung).toMatchObject({ attempt: 1, outcome: 'timeout', httpStatus: null, error: 'no answer within 600 ms' });
    expect(hung?.durationMs).toBeGreaterThanOrEqual(550);
    expect(hung?.durationMs).toBe((hung?.finishedAt ?? 0) - (hung?.startedAt ?? 0));
    expect(failed).toMatchObject({ attempt: 2, outcome: 'http_error', httpStatus: 500 });
    expect(ok).toMatchObject({ attempt: 3, outcome: 'delivered', httpStatus: 200, error: null });
    expect(ok?.durationMs).toBeGreaterThanOrEqual(0);
    const doc = (await (await w.call('GET', '/api/openapi.json', OFFICE_USER)).json()) as {
      components: { schemas: Record<string, unknown> };
    };
    const documented = JSON.stringify(doc.components.schemas.LeadDetail);
    for (const field of ['"startedAt"', '"durationMs"', '"httpStatus"', '"error"', 'refused_address']) {
      expect(documented).toContain(field);
    }
  });
});
