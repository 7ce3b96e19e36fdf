/**
 * A `tasks` campaign whose reward is given for "all tasks done" and that has no task at all went live: "all" of none
 * is met at once, so every participant who opened it got the reward on the spot, and the office said nothing. Now it
 * is an error at the reward's condition (`rewards.N.unlock.tasks`), so a launch is refused; a reward meant for
 * everyone says so (`tasks: 0`), and a reward with tasks to do launches as before.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createOfficeWorld, EDITOR, type OfficeWorld } from './office-campaign.test-world.ts';

let w: OfficeWorld;
afterEach(async () => w?.close());

/** A campaign from the tasks template with codes for its reward, saved with `change` applied to its document. */
async function saved(change: (doc: Record<string, unknown> & { tasks: unknown[]; rewards: Reward[] }) => object) {
  const created = await w.json('POST', '/api/admin/campaigns', EDITOR, {
    brandId: w.brandId,
    templateKey: 'tasks-reward',
  });
  const id: number = created.body.id;
  await w.codes(id, 'discount15', 10);
  const doc = (await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR)).body.document;
  const put = await w.json('PUT', `/api/admin/campaigns/${id}`, EDITOR, change(doc));
  expect(put.status, JSON.stringify(put.body).slice(0, 300)).toBe(200);
  return { id, problems: put.body.problems as { path: string; code: string; severity: string }[] };
}
type Reward = { unlock: object };

const launch = (id: number) => w.json('POST', `/api/admin/campaigns/${id}/status`, EDITOR, { to: 'live' });
const allOfNone = (doc: { rewards: Reward[] }) => ({
  ...doc,
  tasks: [],
  rewards: doc.rewards.map((r) => ({ ...r, unlock: { tasks: 'all' } })),
});

describe('a reward for all tasks in a campaign with no tasks', () => {
  it('is an error at the reward condition: the launch is refused and names it', async () => {
    w = await createOfficeWorld();
    const { id, problems } = await saved(allOfNone);
    expect(problems).toContainEqual(
      expect.objectContaining({ path: 'rewards.0.unlock.tasks', code: 'unlock_no_tasks', severity: 'error' }),
    );
    const refused = await launch(id);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('not_publishable');
    expect(refused.body.problems).toContainEqual(
      expect.objectContaining({ path: 'rewards.0.unlock.tasks', code: 'unlock_no_tasks' }),
    );
  });

  it('a reward for all of the tasks named, where none of them is named, is the same error', async () => {
    w = await createOfficeWorld();
    const { problems } = await saved((doc) => ({
      ...doc,
      rewards: doc.rewards.map((r) => ({ ...r, unlock: { tasks: 'all', of: [] } })),
    }));
    expect(problems).toContainEqual(
      expect.objectContaining({ path: 'rewards.0.unlock.tasks', code: 'unlock_no_tasks' }),
    );
  });

  it('a reward meant for everyone (0 tasks) and one for all of the tasks there are still launch', async () => {
    w = await createOfficeWorld();
    const forEveryone = await saved((doc) => ({
      ...allOfNone(doc),
      rewards: doc.rewards.map((r) => ({ ...r, unlock: { tasks: 0 } })),
    }));
    expect(forEveryone.problems.map((p) => p.code)).not.toContain('unlock_no_tasks');
    expect((await launch(forEveryone.id)).status).toBe(200);
    const forAll = await saved((doc) => ({
      ...doc,
      rewards: doc.rewards.map((r) => ({ ...r, unlock: { tasks: 'all' } })),
    }));
    expect(forAll.problems.map((p) => p.code)).not.toContain('unlock_no_tasks');
    expect((await launch(forAll.id)).status).toBe(200);
  });
});
