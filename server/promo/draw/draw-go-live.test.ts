/** The giveaway from the catalogue through the office's lifecycle: going live writes the commitment, once. */
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { createOfficeWorld, EDITOR, type OfficeWorld } from '../../office/campaigns/office-campaign.test-world.ts';

let w: OfficeWorld;
afterEach(async () => w?.close());

describe('giveaway going live', () => {
  it('item 2: the template published live gets one commitment; pause and live again keep it', async () => {
    w = await createOfficeWorld();
    const created = await w.json('POST', '/api/admin/campaigns', EDITOR, {
      brandId: w.brandId,
      templateKey: 'giveaway-draw',
    });
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    expect(await w.deps.db.select().from(schema.draws)).toHaveLength(0);
    const status = (to: string) => w.json('POST', `/api/admin/campaigns/${id}/status`, EDITOR, { to });
    const live = await status('live');
    expect(live.status, JSON.stringify(live.body)).toBe(200);
    const [first, ...others] = await w.deps.db.select().from(schema.draws);
    expect(others).toEqual([]);
    expect(first?.commitment).toMatch(/^[0-9a-f]{64}$/);
    expect((await status('paused')).status).toBe(200);
    expect((await status('live')).status).toBe(200);
    expect(await w.deps.db.select().from(schema.draws)).toEqual([first]);
    const office = await w.json('GET', `/api/admin/campaigns/${id}/draw`, EDITOR);
    expect(office.body).toMatchObject({ status: 'committed', commitment: first?.commitment, entryCount: 0 });
  });

  it('a draw moment no date can hold is a 422 at settings.draw.drawAt (found from outside: it went live and its rules page was a 500)', async () => {
    w = await createOfficeWorld();
    const created = await w.json('POST', '/api/admin/campaigns', EDITOR, {
      brandId: w.brandId,
      templateKey: 'giveaway-draw',
    });
    const doc = (await w.json('GET', `/api/admin/campaigns/${created.body.id}`, EDITOR)).body.document;
    const far = {
      ...doc,
      settings: { ...doc.settings, draw: { ...doc.settings.draw, drawAt: Number.MAX_SAFE_INTEGER } },
    };
    const saved = await w.json('PUT', `/api/admin/campaigns/${doc.id}`, EDITOR, far);
    expect([saved.status, saved.body.error?.issues?.[0]?.path]).toEqual([422, 'settings.draw.drawAt']);
    const preview = await w.json('POST', `/api/admin/campaigns/${doc.id}/preview`, EDITOR, far);
    expect(preview.status).toBe(422);
    const epoch = { ...doc, settings: { ...doc.settings, draw: { ...doc.settings.draw, drawAt: 0 } } };
    const zero = await w.json('PUT', `/api/admin/campaigns/${doc.id}`, EDITOR, epoch);
    expect([zero.status, zero.body.error?.issues?.[0]?.path]).toEqual([422, 'settings.draw.drawAt']);
  });
});
