/**
 * Decision 104 over HTTP, on either database. A pack-code draft in calendar mode starts tomorrow (the template's
 * start), so its generated moments begin tomorrow; «Запустить сейчас» started it today and nothing said that nobody
 * could win until then. Now the editor's problems carry a warning with the first moment (before the launch, and after
 * it), and a moment on the launch's own day clears it. The moments are never moved. Red before: no such problem.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { campaignDay } from '../../promo/campaign-day.ts';
import { createOfficeWorld, EDITOR, type OfficeWorld } from './office-campaign.test-world.ts';

let w: OfficeWorld;
afterEach(async () => w?.close());

type Problem = { path: string; code: string; severity: string; params: Record<string, unknown> };

const problemsOf = async (id: number): Promise<Problem[]> =>
  (await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR)).body.problems;
const later = async (id: number) => (await problemsOf(id)).find((p) => p.code === 'calendar_first_moment_later');
/** What «Запустить сейчас» says after its question (decision 110). */
const launchNow = async (id: number): Promise<Problem[]> =>
  (await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR)).body.launchNow;
const generate = (id: number) =>
  w.json('POST', `/api/admin/campaigns/${id}/calendar/generate`, EDITOR, {
    mode: 'per_day',
    rewards: [{ rewardKey: 'discount', count: 1 }],
  });
const moments = async () => (await w.deps.db.select().from(schema.prizeMoments)).map((m) => m.at).sort();

describe('a calendar campaign whose first prize moment is on a later day than its launch', () => {
  it('warns with the first moment before and after «Запустить сейчас»; a moment on the launch day clears it', async () => {
    w = await createOfficeWorld();
    const created = await w.json('POST', '/api/admin/campaigns', EDITOR, {
      brandId: w.brandId,
      templateKey: 'pack-code',
    });
    const id = created.body.id as number;
    const { startsAt, timeZone } =
      created.body.document ?? (await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR)).body.document;
    expect(campaignDay(startsAt, timeZone)).not.toBe(campaignDay(w.clock.now, timeZone));
    await w.codes(id, 'packs', 10);
    await w.codes(id, 'discounts', 10);
    expect(await later(id)).toBeUndefined(); // no moment at all: calendar_without_moments says it
    expect((await generate(id)).status).toBe(201);
    const made = await moments();
    const first = made[0] as number;
    expect(first).toBeGreaterThanOrEqual(startsAt);

    expect(await later(id)).toEqual({
      path: 'settings.instantWin.mode',
      code: 'calendar_first_moment_later',
      severity: 'warning',
      params: { firstMomentAt: first, timeZone },
    });
    // A warning: the launch goes ahead, and the moments stay where the manager made them.
    const launched = await w.json('POST', `/api/admin/campaigns/${id}/status`, EDITOR, { to: 'live' });
    expect(launched.status, JSON.stringify(launched.body).slice(0, 300)).toBe(200);
    expect(await moments()).toEqual(made);
    expect((await later(id))?.params).toEqual({ firstMomentAt: first, timeZone });

    // Generated after the launch, the calendar starts now: a moment today, and nothing to warn about.
    expect((await generate(id)).status).toBe(201);
    expect(campaignDay((await moments())[0] as number, timeZone)).toBe(campaignDay(w.clock.now, timeZone));
    expect(await later(id)).toBeUndefined();
  });

  it('a scheduled one: the list checks its planned day, «Запустить сейчас» names the first moment when none is today', async () => {
    w = await createOfficeWorld();
    const created = await w.json('POST', '/api/admin/campaigns', EDITOR, {
      brandId: w.brandId,
      templateKey: 'pack-code',
    });
    const id = created.body.id as number;
    const { timeZone } = (await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR)).body.document;
    await w.codes(id, 'packs', 10);
    await w.codes(id, 'discounts', 10);
    expect((await generate(id)).status).toBe(201);
    const first = (await moments())[0] as number;
    const warning = {
      path: 'settings.instantWin.mode',
      code: 'calendar_first_moment_later',
      severity: 'warning',
      params: { firstMomentAt: first, timeZone },
    };
    // A draft: «Запустить сейчас» starts it today, as the list already says.
    expect(await launchNow(id)).toEqual([warning]);

    const scheduled = await w.json('POST', `/api/admin/campaigns/${id}/status`, EDITOR, { to: 'scheduled' });
    expect(scheduled.status, JSON.stringify(scheduled.body).slice(0, 300)).toBe(200);
    // Started on its planned day (tomorrow), its first moment is that day: nothing to list.
    expect(await later(id)).toBeUndefined();
    // Launched now, nobody wins until tomorrow: the question says when, in the draft's words.
    expect(await launchNow(id)).toEqual([warning]);
    // The save answers it too (the editor keeps what the last answer said).
    const doc = (await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR)).body.document;
    const saved = await w.json('PUT', `/api/admin/campaigns/${id}`, EDITOR, doc);
    expect(saved.status, JSON.stringify(saved.body).slice(0, 300)).toBe(200);
    expect(saved.body.launchNow).toEqual([warning]);

    // Launched, the campaign lists it as the draft's launch did; a moment today clears both.
    expect((await w.json('POST', `/api/admin/campaigns/${id}/status`, EDITOR, { to: 'live' })).status).toBe(200);
    expect(await later(id)).toEqual(warning);
    expect((await generate(id)).status).toBe(201);
    expect(await later(id)).toBeUndefined();
    expect(await launchNow(id)).toEqual([]);
  });
});
