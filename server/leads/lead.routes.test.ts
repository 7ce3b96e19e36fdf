import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_VK_APP_ID, TEST_VK_SECRET } from '../../tests/support/test-deps.ts';
import { bridgeSign } from '../auth/vk-bridge-sign.ts';
import { signVkLaunch } from '../auth/vk-sign.ts';
import {
  type CalculatorWorld,
  createCalculatorWorld,
  INSURANCE,
  OFFICE_USER,
} from '../calculator/testing/calculator-world.ts';
import { schema } from '../db/client.ts';
import { inserted } from '../db/rows.ts';
import { excelCsv } from '../http/testing/excel-csv.ts';
import { sealToken, secretPlace } from '../office/agency/agency-secrets.ts';

let w: CalculatorWorld;
afterEach(() => w?.close());
const USER = 601;
const inputs = { area: 54, price: 12.5, gas: true, months: 7 };
const sign = (userId: number, field: 'phone_number' | 'email', value: string) =>
  bridgeSign({ appId: TEST_VK_APP_ID, secret: TEST_VK_SECRET, userId, field, value });
// biome-ignore lint/suspicious/noExplicitAny: response bodies read field by field in assertions.
const json = async (res: Response) => (await res.json()) as Record<string, any>;

async function ready() {
  w = await createCalculatorWorld();
  await w.saveCalculator();
  await w.join(USER);
  return `/api/campaigns/${w.campaignId}/calculator/lead`;
}

describe('leads', () => {
  it('a refused lead names its field: consent not given at `consent`, neither contact at `phone` and `email` (found from outside: no issues; phone only)', async () => {
    const path = await ready();
    const form = {
      inputs,
      name: 'Анна',
      email: { value: 'anna@example.com' },
      consent: true,
      consentVersion: '2026-11-01',
    };
    const error = async (body: unknown) => (await json(await w.call('POST', path, USER, body))).error;
    expect(await error({ ...form, consent: false })).toEqual({
      code: 'consent_required',
      message: 'Consent to personal-data processing is required',
      issues: [{ path: 'consent', message: 'Consent to personal-data processing is required' }],
    });
    const noContact = await error({ ...form, email: undefined });
    expect(noContact.code).toBe('invalid_input');
    expect(noContact.issues.map((i: { path: string }) => i.path)).toEqual(['phone', 'email']);
    expect(await w.deps.db.select().from(schema.leads)).toHaveLength(0);
  });

  it('item 3: a lead stores the server-computed result, the verified contacts and the consent as shown', async () => {
    const path = await ready();
    const form = {
      inputs,
      name: '=HYPERLINK("http://evil")',
      phone: { value: '79111234567', sign: sign(USER, 'phone_number', '79111234567') },
      email: { value: 'anna@example.com' },
      consent: true,
      consentVersion: '2026-11-01',
    };
    const refused = async (body: unknown, status: number, code: string) => {
      const r = await w.call('POST', path, USER, body);
      expect(r.status).toBe(status);
      expect((await json(r)).error.code).toBe(code);
    };
    await refused({ ...form, consent: false }, 422, 'consent_required');
    await refused({ ...form, consentVersion: '2025-01-01' }, 409, 'consent_outdated');
    // A sign for another value (or user) means the value was changed: refused, not stored as unverified.
    await refused({ ...form, phone: { value: '79111234568', sign: form.phone.sign } }, 422, 'invalid_sign');
    await refused(
      { ...form, phone: { value: '79111234567', sign: sign(USER + 1, 'phone_number', '79111234567') } },
      422,
      'invalid_sign',
    );
    await refused({ ...form, phone: undefined, email: undefined }, 422, 'invalid_input');
    await refused({ ...form, phone: { value: '12' } }, 422, 'invalid_input');
    await refused({ ...form, inputs: { ...inputs, area: 5000 } }, 422, 'invalid_input');
    // NUL in text: stored on SQLite, a 500 on PostgreSQL (found from outside); refused on both.
    await refused({ ...form, name: 'Анна\u0000' }, 422, 'invalid_input');
    expect(await w.deps.db.select().from(schema.leads)).toHaveLength(0);

    const ok = await w.call('POST', path, USER, form);
    expect(ok.status).toBe(200);
    const receipt = await json(ok);
    expect(receipt).toMatchObject({ result: 492.19, phoneVerified: true, emailVerified: false, already: false });
    const again = await json(await w.call('POST', path, USER, { ...form, name: 'Other' }));
    expect(again).toMatchObject({ key: receipt.key, already: true });

    const [lead] = await w.deps.db.select().from(schema.leads);
    expect(lead).toMatchObject({
      phone: '79111234567',
      phoneVerified: true,
      email: 'anna@example.com',
      consentVersion: '2026-11-01',
      consentText: 'Я согласен на обработку персональных данных',
      policyUrl: 'https://brand.example/privacy',
      calculation: { inputs: { area: 54, price: 12.5, gas: 1, months: 7 }, result: 492.19 },
      status: 'new',
    });
    const [participant] = await w.deps.db
      .select()
      .from(schema.participants)
      .where(eq(schema.participants.id, lead?.participantId ?? 0));
    expect(participant?.stage).toBe('lead_sent');
    // No webhook configured: no delivery row.
    expect(await w.deps.db.select().from(schema.leadDeliveries)).toHaveLength(0);

    // The inbox, one lead, a status change (audited), the CSV with the typed formula neutralised.
    const base = `/api/admin/campaigns/${w.campaignId}/leads`;
    const list = await json(await w.call('GET', base, OFFICE_USER));
    expect(list.leads).toHaveLength(1);
    const detail = await json(await w.call('GET', `${base}/${lead?.id}`, OFFICE_USER));
    expect(detail).toMatchObject({ consentText: 'Я согласен на обработку персональных данных', deliveryLog: [] });
    const changed = await w.call('PATCH', `${base}/${lead?.id}`, OFFICE_USER, { status: 'in_progress' });
    expect((await json(changed)).status).toBe('in_progress');
    expect((await w.call('PATCH', `${base}/999`, OFFICE_USER, { status: 'in_progress' })).status).toBe(404);
    const audit = await w.deps.db.select().from(schema.officeAudit).where(eq(schema.officeAudit.action, 'lead.status'));
    expect(audit).toHaveLength(1);
    const file = await excelCsv(await w.call('GET', `/api/admin/campaigns/${w.campaignId}/leads.csv`, OFFICE_USER));
    // For Russian Excel (decision 060): a BOM (the Cyrillic name reads as Cyrillic) and `;` between cells.
    expect(file.bom).toBe(true);
    // In the office's words (decision 076), the status as the inbox shows it; red before: `id`, `in_progress`, `no`.
    expect(file.rows[0]).toEqual([
      '№ заявки',
      'Создана (UTC)',
      'Имя',
      'Телефон',
      'Телефон подтверждён платформой',
      'E-mail',
      'E-mail подтверждён платформой',
      'Результат',
      'Данные расчёта',
      'Статус',
      'Версия текста согласия',
      'Согласие дано (UTC)',
      'Политика',
      'Доставка в CRM',
    ]);
    expect(file.rows[1]?.[9]).toBe('В работе');
    expect(['Да', 'Нет']).toContain(file.rows[1]?.[4]);
    expect(file.text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(file.text).not.toMatch(/(^|[;,])=HYPERLINK/m);
    // An office in English gets the file English Excel opens in columns (decision 075): `,` between cells, the same
    // BOM and formula guard. Red before: `;`, one column there.
    const english = await w.app.request(`/api/admin/campaigns/${w.campaignId}/leads.csv`, {
      headers: { Authorization: w.vkAuth(OFFICE_USER, { vk_language: 'en' }) },
    });
    const enFile = await excelCsv(english, 'en');
    expect(enFile.bom).toBe(true);
    expect(enFile.rows[0]?.slice(0, 3)).toEqual(['Lead #', 'Created (UTC)', 'Name']);
    expect(enFile.rows[1]?.[9]).toBe('In work');
    expect(['Yes', 'No']).toContain(enFile.rows[1]?.[4]);
    expect(enFile.rows.slice(1).map((r) => r.length)).toEqual([file.rows[1]?.length]);
    expect(enFile.text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    // A participant is no member of the office.
    expect((await w.call('GET', base, USER)).status).toBe(404);
  });

  it('item 3: the office member without the leads section is refused', async () => {
    w = await createCalculatorWorld();
    await w.write(async (tx) => {
      await tx.insert(schema.memberships).values({
        platform: 'vk',
        platformUserId: '900002',
        agencyId: w.agencyId,
        brandId: w.brandId,
        role: 'brand_member',
        sections: ['campaigns'],
      });
    });
    expect((await w.call('GET', `/api/admin/campaigns/${w.campaignId}/leads`, 900002)).status).toBe(403);
    expect((await w.call('GET', `/api/admin/campaigns/${w.campaignId}/calculator`, 900002)).status).toBe(200);
    expect(INSURANCE.lead.consentVersion).toBe('2026-11-01');
  });

  it("a phone VK signed for a brand's own VK app is verified with that app's secure key, not the configured app's (it was refused as invalid_sign)", async () => {
    w = await createCalculatorWorld();
    await w.saveCalculator();
    // The brand's own VK app, its secure key stored by the agency; the calculator campaign runs in it.
    const appId = 51000999;
    const secret = 'BrandOwnAppSecureKey01';
    await w.write(async (tx) => {
      const app = inserted(
        await tx.insert(schema.apps).values({ brandId: w.brandId, name: 'Own app', vkAppId: appId }).returning(),
      );
      const sealed = sealToken(w.config, secret, secretPlace.vkSecret(app.id));
      await tx.update(schema.apps).set({ vkSecretCiphertext: sealed }).where(eq(schema.apps.id, app.id));
      await tx.update(schema.campaigns).set({ appId: app.id }).where(eq(schema.campaigns.id, w.campaignId));
    });
    const launch = `VK ${signVkLaunch({ vk_user_id: USER, vk_app_id: appId, vk_ts: Math.floor(w.clock.now / 1000), vk_language: 'ru', vk_platform: 'mobile_android' }, secret)}`;
    const post = (path: string, body: unknown) =>
      w.app.request(path, {
        method: 'POST',
        headers: { Authorization: launch, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post(`/api/campaigns/${w.campaignId}/open`, {})).status).toBe(200);
    const phone = '79111234567';
    const form = {
      inputs,
      name: 'Анна',
      phone: { value: phone, sign: bridgeSign({ appId, secret, userId: USER, field: 'phone_number', value: phone }) },
      consent: true,
      consentVersion: '2026-11-01',
    };
    const res = await post(`/api/campaigns/${w.campaignId}/calculator/lead`, form);
    expect([res.status, await json(res)]).toMatchObject([200, { phoneVerified: true, already: false }]);
    // A sign made with the configured app's key is not this app's: refused as before.
    w.clock.advance(1000);
    const other = bridgeSign({ appId, secret: TEST_VK_SECRET, userId: USER, field: 'phone_number', value: phone });
    const forged = await post(`/api/campaigns/${w.campaignId}/calculator/lead`, {
      ...form,
      phone: { value: phone, sign: other },
    });
    expect([forged.status, (await json(forged)).error?.code]).toEqual([422, 'invalid_sign']);
  });
});
