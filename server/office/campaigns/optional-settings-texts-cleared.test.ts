/**
 * A quiz band's description is optional (`text: ''` in a new band), but the office's two-language field holds
 * `{ ru: '', en: '' }` once the brand types one and clears it again, and the server refused that as a text required
 * in Russian (422 `text_required` at settings.quiz.bands.N.text.ru) on save and on the live preview: clearing an
 * optional field made it required. So did the organiser, a wheel's lose label and a draw's prize, all optional. Now a
 * settings text that may be left out may be empty in every language and reads as not written (the brand's name, the
 * lose label's default); one that only looks blank is still refused.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { parseCampaignSettings } from '../../promo/settings.ts';
import { type Body, createOfficeWorld, EDITOR, type OfficeWorld } from './office-campaign.test-world.ts';

let w: OfficeWorld;
afterEach(async () => w?.close());

async function draft(templateKey: string): Promise<{ id: number; doc: Body }> {
  const created = await w.json('POST', '/api/admin/campaigns', EDITOR, { brandId: w.brandId, templateKey });
  expect(created.status).toBe(201);
  const id: number = created.body.id;
  return { id, doc: (await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR)).body.document };
}

const withBandText = (doc: Body, text: unknown) => ({
  ...doc,
  settings: {
    ...doc.settings,
    quiz: {
      ...doc.settings.quiz,
      bands: doc.settings.quiz.bands.map((b: Body, i: number) => (i === 0 ? { ...b, text } : b)),
    },
  },
});

describe('a quiz band’s description cleared in the office', () => {
  it('saves and previews empty in every language; blank-looking is still refused', async () => {
    w = await createOfficeWorld();
    const { id, doc } = await draft('quiz-tiers');
    const cleared = withBandText(doc, { ru: '', en: '' });

    const preview = await w.json('POST', `/api/admin/campaigns/${id}/preview`, EDITOR, cleared);
    expect(preview.status, JSON.stringify(preview.body).slice(0, 300)).toBe(200);
    const saved = await w.json('PUT', `/api/admin/campaigns/${id}`, EDITOR, cleared);
    expect(saved.status, JSON.stringify(saved.body).slice(0, 300)).toBe(200);
    const opened = await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR);
    expect(opened.body.document.settings.quiz.bands[0].text).toEqual({ ru: '', en: '' });

    const blank = withBandText(opened.body.document, { ru: '\u200b', en: '' });
    for (const [method, path] of [
      ['POST', `/api/admin/campaigns/${id}/preview`],
      ['PUT', `/api/admin/campaigns/${id}`],
    ] as const) {
      const refused = await w.json(method, path, EDITOR, blank);
      expect(refused.status).toBe(422);
      expect(refused.body.error.issues).toContainEqual(
        expect.objectContaining({ path: 'settings.quiz.bands.0.text.ru', code: 'blank_text' }),
      );
    }
  });
});

describe('the organiser and a wheel’s lose label cleared in the office', () => {
  it('save and preview, and read as not written: the brand’s name, the default label', async () => {
    w = await createOfficeWorld();
    const { id, doc } = await draft('wheel-instant');
    const EMPTY = { ru: '', en: '' };
    const cleared = {
      ...doc,
      settings: { ...doc.settings, organizer: EMPTY, wheel: { ...doc.settings.wheel, loseLabel: EMPTY } },
    };

    const preview = await w.json('POST', `/api/admin/campaigns/${id}/preview?language=ru`, EDITOR, cleared);
    expect(preview.status, JSON.stringify(preview.body).slice(0, 300)).toBe(200);
    const organizer = preview.body.rules.sections.find((r: { key: string }) => r.key === 'organizer');
    expect(organizer.text).not.toBe('');
    const saved = await w.json('PUT', `/api/admin/campaigns/${id}`, EDITOR, cleared);
    expect(saved.status, JSON.stringify(saved.body).slice(0, 300)).toBe(200);
    const [row] = await w.deps.db.select().from(schema.campaigns).where(eq(schema.campaigns.id, id));
    const settings = parseCampaignSettings(row?.settings);
    expect(settings.organizer).toBeUndefined();
    expect(settings.wheel?.loseLabel).toEqual({ ru: 'Не повезло', en: 'No luck' });
  });
});
