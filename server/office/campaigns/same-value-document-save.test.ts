/**
 * Save pressed in the campaign editor with nothing edited (decisions 067, 098): the document sent back as it was read
 * answers 200 with it as it stands, moves no `editVersion`, writes no audit row and, for a published campaign, no new
 * revision, so a colleague's editor open on that version still saves. Before, the version moved (the colleague got 409
 * `edited_meanwhile` for nothing), an audit row recorded a before and after alike, and a live campaign got a revision
 * identical to the last.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { type Body, createOfficeWorld, EDITOR, type OfficeWorld } from './office-campaign.test-world.ts';

let w: OfficeWorld;
afterEach(async () => w?.close());

const text = (ru: string) => ({ ru, en: ru });
const auditCount = async () => (await w.deps.db.select().from(schema.officeAudit)).length;
const revisions = async (id: number) =>
  (await w.deps.db.select().from(schema.campaignRevisions).where(eq(schema.campaignRevisions.campaignId, id))).length;
const read = async (id: number): Promise<Body> => (await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR)).body;
const save = (doc: Body) => w.json('PUT', `/api/admin/campaigns/${doc.id}`, EDITOR, doc);

describe('the campaign editor saved with nothing edited', () => {
  it('a draft: the same version and document, no audit row; a colleague’s save of that version lands', async () => {
    w = await createOfficeWorld();
    const made = await w.json('POST', '/api/admin/campaigns', EDITOR, {
      brandId: w.brandId,
      templateKey: 'quiz-tiers',
    });
    expect(made.status).toBe(201);
    const copy = await read(made.body.id);
    const rows = await auditCount();

    const same = await save(copy.document);
    expect([same.status, same.body]).toEqual([200, copy]);
    expect(await read(made.body.id)).toEqual(copy);
    expect(await auditCount()).toBe(rows);

    const colleague = await save({ ...copy.document, title: text('Новая викторина') });
    expect([colleague.status, colleague.body.document?.editVersion]).toEqual([200, copy.document.editVersion + 1]);
    expect(await auditCount()).toBe(rows + 1);
    // The version saved over is still a conflict, even sent with what is now stored.
    const stale = await save({ ...copy.document, title: text('Новая викторина') });
    expect([stale.status, stale.body.error?.code]).toEqual([409, 'edited_meanwhile']);
  });

  it('a live campaign: no new revision, no audit row, the version kept', async () => {
    w = await createOfficeWorld();
    const made = await w.json('POST', '/api/admin/campaigns', EDITOR, {
      brandId: w.brandId,
      templateKey: 'tasks-reward',
    });
    await w.codes(made.body.id, 'discount15', 3);
    const launched = await w.json('POST', `/api/admin/campaigns/${made.body.id}/status`, EDITOR, { to: 'live' });
    expect(launched.status, JSON.stringify(launched.body)).toBe(200);
    const copy = await read(made.body.id);
    const [published, rows] = [await revisions(made.body.id), await auditCount()];

    const same = await save(copy.document);
    expect([same.status, same.body]).toEqual([200, copy]);
    expect([await revisions(made.body.id), await auditCount()]).toEqual([published, rows]);

    const revised = await save({ ...copy.document, description: text('Обновлённое описание') });
    expect(revised.status, JSON.stringify(revised.body)).toBe(200);
    expect([await revisions(made.body.id), await auditCount()]).toEqual([published + 1, rows + 1]);
  });
});
