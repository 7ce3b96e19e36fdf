import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../db/client.ts';
import { type CalculatorWorld, createCalculatorWorld, INSURANCE, OFFICE_USER } from './testing/calculator-world.ts';

let w: CalculatorWorld;
afterEach(() => w?.close());
const USER = 501;

async function body(res: Response) {
  // biome-ignore lint/suspicious/noExplicitAny: response bodies read field by field in assertions.
  return (await res.json()) as Record<string, any>;
}

describe('calculator mechanic', () => {
  it('item 2: the office saves a calculator; a bad formula is refused with its position and nothing is stored', async () => {
    w = await createCalculatorWorld();
    const bad = await w.saveCalculator({ ...INSURANCE, formula: 'area * price * constructor' });
    expect(bad.status).toBe(422);
    const badBody = await body(bad);
    expect(badBody.error.code).toBe('invalid_formula');
    expect(badBody.error.issues[0]).toMatchObject({
      path: 'formula',
      code: 'formula_unknown_name',
      params: { position: 15 },
    });
    const syntax = await body(await w.saveCalculator({ ...INSURANCE, formula: 'area * (price' }));
    expect(syntax.error.issues[0]).toMatchObject({ code: 'formula_syntax', params: { position: 13 } });
    const range = await w.saveCalculator({
      ...INSURANCE,
      inputs: [{ ...INSURANCE.inputs[0], min: 600 }, ...INSURANCE.inputs.slice(1)],
    });
    expect(range.status).toBe(422);
    expect((await body(range)).error.issues[0].path).toBe('inputs.0.max');
    expect(
      (await body(await w.call('GET', `/api/admin/campaigns/${w.campaignId}/calculator`, OFFICE_USER))).config,
    ).toBeNull();

    const saved = await w.saveCalculator();
    expect(saved.status).toBe(200);
    const read = await body(await w.call('GET', `/api/admin/campaigns/${w.campaignId}/calculator`, OFFICE_USER));
    expect(read.config.formula).toBe(INSURANCE.formula);
    const audit = await w.deps.db
      .select()
      .from(schema.officeAudit)
      .where(eq(schema.officeAudit.action, 'calculator.save'));
    expect(audit).toHaveLength(1);
    // A participant (no membership) cannot save.
    const asParticipant = { config: INSURANCE, savedAt: read.savedAt };
    expect((await w.call('PUT', `/api/admin/campaigns/${w.campaignId}/calculator`, USER, asParticipant)).status).toBe(
      404,
    );
    // The editor's preview computes without storing.
    const preview = await w.call('POST', `/api/admin/campaigns/${w.campaignId}/calculator/preview`, OFFICE_USER, {
      config: { ...INSURANCE, formula: 'area * 2' },
      inputs: { area: 21, price: 20, gas: false, months: 3 },
    });
    expect((await body(preview)).result).toBe(42);
  });

  it('two members saving the calculator: a save on an older copy is 409 saved_meanwhile and writes nothing', async () => {
    w = await createCalculatorWorld();
    const url = `/api/admin/campaigns/${w.campaignId}/calculator`;
    const put = (config: unknown, savedAt: unknown) => w.call('PUT', url, OFFICE_USER, { config, savedAt });
    const read = async () => body(await w.call('GET', url, OFFICE_USER));
    const audits = async () =>
      (await w.deps.db.select().from(schema.officeAudit).where(eq(schema.officeAudit.action, 'calculator.save')))
        .length;
    // A save that names no copy is refused by name: no unchecked write.
    const bare = await w.call('PUT', url, OFFICE_USER, { config: INSURANCE });
    expect(bare.status).toBe(422);
    expect(JSON.stringify(await body(bare))).toContain('savedAt');
    expect(await read()).toEqual({ config: null, savedAt: null });

    // Both opened the empty calculator; the first save lands, the second on "none" is refused.
    const first = await put(INSURANCE, null);
    expect(first.status).toBe(200);
    const saved = (await body(first)).savedAt as number;
    expect((await read()).savedAt).toBe(saved);
    const late = await put({ ...INSURANCE, formula: 'area * 2' }, null);
    expect(late.status).toBe(409);
    expect((await body(late)).error.code).toBe('saved_meanwhile');

    // An edit on the saved copy lands (its stamp moves on, even within the same millisecond); one on the older is 409.
    const edited = await put({ ...INSURANCE, formula: 'area * price' }, saved);
    expect(edited.status).toBe(200);
    const next = (await body(edited)).savedAt as number;
    expect(next).toBeGreaterThan(saved);
    const before = await audits();
    const stale = await put({ ...INSURANCE, formula: 'area * 3' }, saved);
    expect(stale.status).toBe(409);
    expect(await audits()).toBe(before);
    expect((await read()).config.formula).toBe('area * price');

    // Two saves of one copy at once: one lands, the other is refused.
    const both = await Promise.all([put(INSURANCE, next), put({ ...INSURANCE, formula: 'area * 4' }, next)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('item 2: the participant calculates on the server from validated inputs; stages are recorded', async () => {
    w = await createCalculatorWorld();
    await w.saveCalculator();
    const path = `/api/campaigns/${w.campaignId}/calculator`;
    expect((await body(await w.call('POST', `${path}/open`, USER))).error.code).toBe('not_joined');
    await w.join(USER);
    const opened = await body(await w.call('POST', `${path}/open`, USER));
    expect(opened.inputs.map((i: { name: string }) => i.name)).toEqual(['area', 'price', 'gas', 'months']);
    expect(opened.inputs[1].options[0]).toEqual({ value: 12.5, label: 'Квартира' });
    expect(opened).not.toHaveProperty('formula');
    expect(opened.lead).toEqual({
      policyUrl: 'https://brand.example/privacy',
      consentText: 'Я согласен на обработку персональных данных',
      consentVersion: '2026-11-01',
    });

    // 54 m² flat with a gas stove for 7 months: 54 × 12.5 × 1.25 × 7 / 12 = 492.1875 → 492.19.
    const res = await w.call('POST', `${path}/calculate`, USER, {
      inputs: { area: 54, price: 12.5, gas: true, months: 7 },
    });
    expect(res.status).toBe(200);
    const result = await body(res);
    expect(result.result).toBe(492.19);
    expect(result.text).toBe('Стоимость полиса: 492,19 ₽');
    expect(result.inputs).toEqual({ area: 54, price: 12.5, gas: 1, months: 7 });

    const refuse = async (inputs: Record<string, unknown>) => {
      const r = await w.call('POST', `${path}/calculate`, USER, { inputs });
      expect(r.status).toBe(422);
      return (await body(r)).error.issues.map((i: { path: string }) => i.path);
    };
    expect(await refuse({ area: 9, price: 12.5, gas: true, months: 7 })).toEqual(['inputs.area']);
    expect(await refuse({ area: 54, price: 13, gas: true, months: 7 })).toEqual(['inputs.price']);
    expect(await refuse({ area: 54, price: 12.5, gas: 1, months: 7.5 })).toEqual(['inputs.gas', 'inputs.months']);
    expect(await refuse({ area: 54, price: 12.5, gas: true })).toEqual(['inputs.months']);
    expect(await refuse({ area: 54, price: 12.5, gas: true, months: 7, constructor: 1 })).toEqual([
      'inputs.constructor',
    ]);
    // A "__proto__" key reaches no value: inputs are read as own properties only.
    const proto = '{"inputs":{"price":12.5,"gas":true,"months":7,"__proto__":{"area":54}}}';
    const viaProto = await w.app.request(`${path}/calculate`, {
      method: 'POST',
      headers: { Authorization: w.vkAuth(USER), 'Content-Type': 'application/json' },
      body: proto,
    });
    expect(viaProto.status).toBe(422);
    expect((await body(viaProto)).error.issues.map((i: { path: string }) => i.path)).toEqual(['inputs.area']);

    const participant = (
      await w.deps.db
        .select()
        .from(schema.participants)
        .where(
          and(eq(schema.participants.campaignId, w.campaignId), eq(schema.participants.platformUserId, String(USER))),
        )
    )[0];
    expect(participant?.stage).toBe('calculated');
    const types = (
      await w.deps.db
        .select({ type: schema.events.type })
        .from(schema.events)
        .where(eq(schema.events.participantId, participant?.id ?? 0))
    ).map((e) => e.type);
    expect(types.filter((t) => t === 'calculated')).toHaveLength(1);
    expect(types).toContain('calculator_opened');
  });

  it('item 2: a campaign without a calculator or not running refuses', async () => {
    w = await createCalculatorWorld();
    await w.join(USER);
    expect((await body(await w.call('POST', `/api/campaigns/${w.campaignId}/calculator/open`, USER))).error.code).toBe(
      'no_calculator',
    );
    const ended = await w.campaign({ stages: ['opened'], endsAt: w.clock.now - 1000 });
    await w.saveCalculator(INSURANCE, ended);
    const r = await w.call('POST', `/api/campaigns/${ended}/calculator/calculate`, USER, { inputs: {} });
    expect([404, 409]).toContain(r.status);
  });
});

describe('a calculation the formula cannot finish names the inputs to blame', () => {
  const calculate = async (formula: string, inputs: Record<string, unknown>) => {
    w = await createCalculatorWorld();
    expect((await w.saveCalculator({ ...INSURANCE, formula })).status).toBe(200);
    await w.join(USER);
    const res = await w.call('POST', `/api/campaigns/${w.campaignId}/calculator/calculate`, USER, { inputs });
    expect(res.status).toBe(422);
    return (await body(res)).error;
  };
  const answers = { area: 54, price: 12.5, gas: true, months: 12 };

  it('a divisor that came to 0: its inputs, not the others (found from outside: no issues)', async () => {
    const error = await calculate('area * price / (months - 12 * (gas ? 1 : 2))', answers);
    expect(error).toEqual({
      code: 'calculation_failed',
      message: 'Division by zero',
      issues: [
        { path: 'inputs.months', message: 'Division by zero' },
        { path: 'inputs.gas', message: 'Division by zero' },
      ],
    });
  });

  it("an exponent too large: the exponent's input", async () => {
    const error = await calculate('price ^ (area * 10)', answers);
    expect(error.code).toBe('calculation_failed');
    expect(error.issues.map((i: { path: string }) => i.path)).toEqual(['inputs.area']);
  });

  it('a constant divisor of 0: the inputs as a whole, no one input is to blame', async () => {
    const error = await calculate('area / (2 - 2)', answers);
    expect(error.issues).toEqual([{ path: 'inputs', message: 'Division by zero' }]);
  });
});
