/**
 * A campaign's help questions with nothing visible in them (zero-width spaces, control characters, soft hyphens)
 * passed `.trim().min(1)` and showed the participant an empty question. They are now a 422 `blank_text` naming the
 * field, as every other support text (support-blank-text.test.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createOfficeWorld, EDITOR, type OfficeWorld } from '../office/campaigns/office-campaign.test-world.ts';

let w: OfficeWorld;
afterEach(async () => w?.close());

describe("a campaign's help questions must show something", () => {
  it('a blank-looking question or answer is a 422 blank_text at its field; a visible one is saved', async () => {
    w = await createOfficeWorld();
    const created = await w.json('POST', '/api/admin/campaigns', EDITOR, {
      brandId: w.brandId,
      templateKey: 'giveaway-draw',
    });
    const doc = (await w.json('GET', `/api/admin/campaigns/${created.body.id}`, EDITOR)).body.document;
    const save = (faq: unknown) =>
      w.json('PUT', `/api/admin/campaigns/${doc.id}`, EDITOR, { ...doc, settings: { ...doc.settings, faq } });
    const cases: Array<[unknown, string]> = [
      [[{ q: { ru: '\u200b\u200c' }, a: { ru: 'Так.' } }], 'settings.faq.0.q.ru'],
      [[{ q: { ru: 'Как?' }, a: { ru: ' \u00ad\u2060 ' } }], 'settings.faq.0.a.ru'],
      [
        [
          { q: { ru: 'Как?' }, a: { ru: 'Так.' } },
          { q: { ru: 'Где?', en: '\u0007\u200e' }, a: { ru: 'Тут.' } },
        ],
        'settings.faq.1.q.en',
      ],
    ];
    for (const [faq, path] of cases) {
      const refused = await save(faq);
      expect([refused.status, refused.body.error?.issues]).toEqual([
        422,
        [expect.objectContaining({ path, code: 'blank_text' })],
      ]);
    }
    const saved = await save([{ q: { ru: '\u200bКак?' }, a: { ru: 'Так.' } }]);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  });
});
