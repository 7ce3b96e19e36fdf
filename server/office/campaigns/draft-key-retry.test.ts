/**
 * A draft from a template made with a `clientKey` and no `appId` / `communityId` (the server took the brand's only
 * ones), retried after the brand added a second app or community (decisions 079, 081). Before, the retry was judged
 * as a new draft: a second app made it the 422 "several apps: choose one", a second community made the places it
 * would choose differ from the stored ones and it was the 409 `client_key_reused`, though the draft existed. Now the
 * retry is the draft it made; only what the click sent is compared (a place it named otherwise is still the 409), and
 * a new key is judged as before.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { inserted } from '../../db/rows.ts';
import { createOfficeWorld, EDITOR, type OfficeWorld } from './office-campaign.test-world.ts';

let w: OfficeWorld;
afterEach(async () => w?.close());

const draftCount = async () => (await w.deps.db.select({ id: schema.campaigns.id }).from(schema.campaigns)).length;
const create = (body: Record<string, unknown>) =>
  w.json('POST', '/api/admin/campaigns', EDITOR, { brandId: w.brandId, templateKey: 'tasks-reward', ...body });

async function secondApp(): Promise<number> {
  return inserted(
    await w.write((tx) =>
      tx
        .insert(schema.apps)
        .values({ brandId: w.brandId, name: 'App 2', vkAppId: 51_999_002 })
        .returning({ id: schema.apps.id }),
    ),
  ).id;
}
async function secondCommunity(): Promise<number> {
  return inserted(
    await w.write((tx) =>
      tx
        .insert(schema.communities)
        .values({ brandId: w.brandId, vkGroupId: 229_999_002, name: 'Community 2' })
        .returning({ id: schema.communities.id }),
    ),
  ).id;
}

describe('a keyed draft whose places the server chose, retried after the brand added another', () => {
  it('a second app: the retry is the draft it made, a new key is the 422 several apps', async () => {
    w = await createOfficeWorld();
    const first = await create({ clientKey: 'draft-app-key-1' });
    const [app] = await w.deps.db.select().from(schema.apps);
    const [community] = await w.deps.db.select().from(schema.communities);
    expect([first.status, first.body.appId, first.body.communityId]).toEqual([201, app?.id, community?.id]);
    const other = await secondApp();
    const drafts = await draftCount();

    const retry = await create({ clientKey: 'draft-app-key-1' });
    expect([retry.status, retry.body.id]).toEqual([201, first.body.id]);
    // Naming the place it was given is the same click; naming another is another composition.
    const named = await create({ clientKey: 'draft-app-key-1', appId: app?.id, communityId: community?.id });
    expect([named.status, named.body.id]).toEqual([201, first.body.id]);
    const elsewhere = await create({ clientKey: 'draft-app-key-1', appId: other });
    expect([elsewhere.status, elsewhere.body.error?.code]).toEqual([409, 'client_key_reused']);
    expect(await draftCount()).toBe(drafts);

    const fresh = await create({ clientKey: 'draft-app-key-2' });
    expect([fresh.status, fresh.body.error?.issues?.[0]?.path]).toEqual([422, 'appId']);
  });

  it('a second community: the retry is the draft it made, not a 409 client_key_reused', async () => {
    w = await createOfficeWorld();
    const first = await create({ clientKey: 'draft-community-key-1' });
    const [community] = await w.deps.db.select().from(schema.communities);
    expect([first.status, first.body.communityId]).toEqual([201, community?.id]);
    const other = await secondCommunity();
    const drafts = await draftCount();

    const retry = await create({ clientKey: 'draft-community-key-1' });
    expect([retry.status, retry.body.id, retry.body.communityId]).toEqual([201, first.body.id, community?.id]);
    const none = await create({ clientKey: 'draft-community-key-1', communityId: null });
    expect([none.status, none.body.error?.code]).toEqual([409, 'client_key_reused']);
    const elsewhere = await create({ clientKey: 'draft-community-key-1', communityId: other });
    expect([elsewhere.status, elsewhere.body.error?.code]).toEqual([409, 'client_key_reused']);
    const otherTemplate = await create({ clientKey: 'draft-community-key-1', templateKey: 'pack-code' });
    expect([otherTemplate.status, otherTemplate.body.error?.code]).toEqual([409, 'client_key_reused']);
    expect(await draftCount()).toBe(drafts);

    // A new key chooses again: no community when the brand has several to choose from.
    const fresh = await create({ clientKey: 'draft-community-key-2' });
    expect([fresh.status, fresh.body.communityId]).toEqual([201, null]);
  });
});
