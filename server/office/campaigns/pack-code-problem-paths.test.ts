/**
 * The pack code's problems point at the editor's fields (PackCodeSection), so a tap in the problems list leads to what
 * to fix and the field shows it: settings with no pool at the pool's field (it was `settings.packCode`, which has no
 * field: nothing was marked and the tap led nowhere), prizes that can never win by the odds at the weight of losing,
 * beside the chances (it was `rewards`, the whole prize list). The pool's own problems stay at the pool's field.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createOfficeWorld, EDITOR, type OfficeWorld } from './office-campaign.test-world.ts';

let w: OfficeWorld;
afterEach(async () => w?.close());

type Doc = Record<string, unknown> & { settings: Record<string, unknown>; rewards: { weight: number }[] };

async function problemsAfter(change: (doc: Doc) => object) {
  const created = await w.json('POST', '/api/admin/campaigns', EDITOR, {
    brandId: w.brandId,
    templateKey: 'pack-code',
  });
  const id: number = created.body.id;
  const doc = (await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR)).body.document;
  const put = await w.json('PUT', `/api/admin/campaigns/${id}`, EDITOR, change(doc));
  expect(put.status, JSON.stringify(put.body).slice(0, 300)).toBe(200);
  return (put.body.problems as { path: string; code: string }[]).map((p) => `${p.path} ${p.code}`);
}

describe("the pack code's problems point at its fields", () => {
  it('settings without a pool: at the pool field', async () => {
    w = await createOfficeWorld();
    const problems = await problemsAfter(({ settings: { packCode: _, ...settings }, ...doc }) => ({
      ...doc,
      settings,
    }));
    expect(problems).toContain('settings.packCode.poolKey pack_code_settings_missing');
  });

  it('odds mode with every prize weighing 0: at the weight of losing; an empty entry pool at the pool field', async () => {
    w = await createOfficeWorld();
    const problems = await problemsAfter((doc) => ({
      ...doc,
      settings: { packCode: { poolKey: 'packs', loseWeight: 1 } },
      rewards: doc.rewards.map((r) => ({ ...r, weight: 0 })),
    }));
    expect(problems).toContain('settings.packCode.loseWeight pack_code_odds_all_zero');
    expect(problems).toContain('settings.packCode.poolKey pool_without_codes');
  });
});
