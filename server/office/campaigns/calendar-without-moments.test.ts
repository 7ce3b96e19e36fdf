/**
 * A wheel or pack-code campaign in calendar mode (`settings.instantWin.mode = 'calendar'`) with no prize moment went
 * live: the calendar decides every play, so nobody could ever win, and the office said nothing. Now it is an error at
 * the instant-win mode (`calendar_without_moments`), so the launch is refused; once the calendar has a moment of a
 * prize the campaign keeps, it launches. Odds mode is not asked about moments.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createOfficeWorld, EDITOR, type OfficeWorld } from './office-campaign.test-world.ts';

let w: OfficeWorld;
afterEach(async () => w?.close());

type Doc = Record<string, unknown> & { settings: Record<string, unknown>; rewards: { key: string }[] };
type Problem = { path: string; code: string; severity: string };

/** A campaign from `templateKey` with codes in `pools`, saved with `change` applied to its document. */
async function saved(templateKey: string, pools: string[], change: (doc: Doc) => object = (doc) => doc) {
  const created = await w.json('POST', '/api/admin/campaigns', EDITOR, { brandId: w.brandId, templateKey });
  const id: number = created.body.id;
  for (const pool of pools) await w.codes(id, pool, 10);
  const doc = (await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR)).body.document;
  const put = await w.json('PUT', `/api/admin/campaigns/${id}`, EDITOR, change(doc));
  expect(put.status, JSON.stringify(put.body).slice(0, 300)).toBe(200);
  return { id, doc: change(doc) as Doc, problems: put.body.problems as Problem[] };
}

const launch = (id: number) => w.json('POST', `/api/admin/campaigns/${id}/status`, EDITOR, { to: 'live' });
const generate = (id: number, rewardKey: string) =>
  w.json('POST', `/api/admin/campaigns/${id}/calendar/generate`, EDITOR, {
    mode: 'spread',
    rewards: [{ rewardKey, count: 3 }],
  });
const NO_MOMENTS = { path: 'settings.instantWin.mode', code: 'calendar_without_moments', severity: 'error' };
const codes = (problems: Problem[]) => problems.map((p) => p.code);

describe('a calendar-mode campaign without prize moments', () => {
  it('pack code: an error at the instant-win mode, the launch refused; with moments it launches', async () => {
    w = await createOfficeWorld();
    const { id, problems } = await saved('pack-code', ['packs', 'discounts']);
    expect(problems).toContainEqual(expect.objectContaining(NO_MOMENTS));
    const refused = await launch(id);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('not_publishable');
    expect(refused.body.problems).toContainEqual(expect.objectContaining(NO_MOMENTS));

    expect((await generate(id, 'discount')).status).toBe(201);
    const read = await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR);
    expect(codes(read.body.problems)).not.toContain('calendar_without_moments');
    const launched = await launch(id);
    expect(launched.status, JSON.stringify(launched.body).slice(0, 300)).toBe(200);
  });

  it('wheel: the same error in calendar mode, none in odds mode', async () => {
    w = await createOfficeWorld();
    const calendar = await saved('wheel-instant', ['wheel5', 'wheel20'], (doc) => ({
      ...doc,
      settings: { ...doc.settings, instantWin: { mode: 'calendar' } },
    }));
    expect(calendar.problems).toContainEqual(expect.objectContaining(NO_MOMENTS));
    expect((await launch(calendar.id)).status).toBe(422);

    const odds = await saved('wheel-instant', ['wheel5', 'wheel20']);
    expect(codes(odds.problems)).not.toContain('calendar_without_moments');
  });

  it("moments only of a prize the document drops do not count: the calendar has none of the kept prizes'", async () => {
    w = await createOfficeWorld();
    const { id } = await saved('pack-code', ['packs', 'discounts']);
    expect((await generate(id, 'headphones')).status).toBe(201);
    const doc: Doc = (await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR)).body.document;
    const withoutHeadphones = { ...doc, rewards: doc.rewards.filter((r) => r.key !== 'headphones') };
    const put = await w.json('PUT', `/api/admin/campaigns/${id}`, EDITOR, withoutHeadphones);
    expect(put.status, JSON.stringify(put.body).slice(0, 300)).toBe(200);
    expect(put.body.problems).toContainEqual(expect.objectContaining(NO_MOMENTS));
  });
});
