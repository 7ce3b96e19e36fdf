/**
 * A paused campaign whose end date has passed is not resumed (no check is loosened for it): the refusal names the
 * field, `endsAt`, with the code the office words as what to do (`ends_in_past`), and once the brand moves the end
 * into the future and saves (a new revision of the paused campaign), it resumes.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { createOfficeWorld, EDITOR, type OfficeWorld } from './office-campaign.test-world.ts';

let w: OfficeWorld;
afterEach(async () => w?.close());

const DAY = 86_400_000;
const status = (id: number, to: string) => w.json('POST', `/api/admin/campaigns/${id}/status`, EDITOR, { to });

describe('a paused campaign past its end date', () => {
  it('is refused at endsAt, and resumes once the end is moved into the future', async () => {
    w = await createOfficeWorld();
    const created = await w.json('POST', '/api/admin/campaigns', EDITOR, {
      brandId: w.brandId,
      templateKey: 'tasks-reward',
    });
    const id: number = created.body.id;
    await w.codes(id, 'discount15', 10);
    expect((await status(id, 'live')).status).toBe(200);
    expect((await status(id, 'paused')).status).toBe(200);
    const [row] = await w.deps.db.select().from(schema.campaigns).where(eq(schema.campaigns.id, id));
    w.clock.advance((row?.endsAt ?? 0) - w.clock.now + DAY);

    const resumed = await status(id, 'live');
    expect(resumed.status).toBe(422);
    expect(resumed.body.error.code).toBe('not_publishable');
    expect(resumed.body.error.issues).toContainEqual({ path: 'endsAt', message: 'ends_in_past' });
    expect(resumed.body.problems).toContainEqual(expect.objectContaining({ path: 'endsAt', code: 'ends_in_past' }));
    const opened = await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR);
    expect(opened.body.problems).toContainEqual(expect.objectContaining({ path: 'endsAt', code: 'ends_in_past' }));

    // The date is not moved by the server, nor is a past one taken with the save.
    const stillPast = await w.json('PUT', `/api/admin/campaigns/${id}`, EDITOR, opened.body.document);
    expect(stillPast.status).toBe(422);
    const moved = await w.json('PUT', `/api/admin/campaigns/${id}`, EDITOR, {
      ...opened.body.document,
      endsAt: w.clock.now + 7 * DAY,
    });
    expect(moved.status, JSON.stringify(moved.body).slice(0, 300)).toBe(200);
    expect((await status(id, 'live')).status).toBe(200);
  });
});
