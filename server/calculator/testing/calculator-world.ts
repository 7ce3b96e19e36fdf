/**
 * Test support for the calculator and leads: a promo world with an office member of the brand (sections `campaigns`
 * and `leads`), a live campaign with the calculator stages, and a saved calculator (an apartment insurance tariff).
 */
import { schema } from '../../db/client.ts';
import { createPromoWorld, type PromoWorld } from '../../promo/testing/promo-world.ts';

export const OFFICE_USER = 900_001;

/** area (m², 10–500) × price per m² (select) × 1.25 when there is a gas stove, per `months` (slider 1–12). */
export const INSURANCE = {
  inputs: [
    { name: 'area', kind: 'number', label: { ru: 'Площадь, м²', en: 'Area, m²' }, min: 10, max: 500, default: 50 },
    {
      name: 'price',
      kind: 'select',
      label: { ru: 'Тип жилья', en: 'Home' },
      options: [
        { value: 12.5, label: { ru: 'Квартира', en: 'Flat' } },
        { value: 20, label: { ru: 'Дом', en: 'House' } },
      ],
    },
    { name: 'gas', kind: 'yes_no', label: { ru: 'Газовая плита', en: 'Gas stove' } },
    { name: 'months', kind: 'slider', label: { ru: 'Месяцев', en: 'Months' }, min: 1, max: 12, step: 1, default: 12 },
  ],
  formula: 'round(area * price * (gas ? 1.25 : 1) * months / 12, 2)',
  resultText: { ru: 'Стоимость полиса: {result} ₽', en: 'Policy cost: {result} RUB' },
  resultDigits: 2,
  lead: {
    policyUrl: 'https://brand.example/privacy',
    consentText: {
      ru: 'Я согласен на обработку персональных данных',
      en: 'I agree to the processing of my personal data',
    },
    consentVersion: '2026-11-01',
  },
};

export const CALCULATOR_STAGES = ['opened', 'calculator_opened', 'calculated', 'lead_sent'];

export interface CalculatorWorld extends PromoWorld {
  campaignId: number;
  /** Saves a calculator through the office API; answers the response. */
  saveCalculator(config?: unknown, campaignId?: number): Promise<Response>;
  /** Opens the campaign for a participant (the participant row every calculator route needs). */
  join(vkUserId: number, campaignId?: number): Promise<void>;
}

export async function createCalculatorWorld(env: Record<string, string> = {}): Promise<CalculatorWorld> {
  const w = await createPromoWorld(env);
  await w.write(async (tx) => {
    await tx.insert(schema.memberships).values({
      platform: 'vk',
      platformUserId: String(OFFICE_USER),
      agencyId: w.agencyId,
      brandId: w.brandId,
      role: 'brand_admin',
      sections: ['campaigns', 'leads'],
    });
  });
  const campaignId = await w.campaign({ stages: CALCULATOR_STAGES });
  return {
    ...w,
    campaignId,
    /** Saves as the office editor does: on the copy it reads first (its `savedAt`). */
    saveCalculator: async (config = INSURANCE, id = campaignId) => {
      const read = await w.call('GET', `/api/admin/campaigns/${id}/calculator`, OFFICE_USER);
      const { savedAt } = read.status === 200 ? ((await read.json()) as { savedAt: number | null }) : { savedAt: null };
      return w.call('PUT', `/api/admin/campaigns/${id}/calculator`, OFFICE_USER, { config, savedAt });
    },
    join: async (vkUserId, id = campaignId) => {
      const res = await w.call('POST', `/api/campaigns/${id}/open`, vkUserId);
      if (res.status !== 200) throw new Error(`open: ${res.status} ${await res.text()}`);
    },
  };
}
