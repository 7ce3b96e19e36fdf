/**
 * A task's config takes only its kind's own keys. Before, a save kept any key it was sent: a typo (`comunityId` for
 * `groupId`) or another kind's setting was stored as sent, answered 200, and the setting the member meant was never
 * applied. Now the save is refused 422 at that key, by name (`unknown_key`), and nothing is stored. A task an
 * earlier release stored with such a key still reads and runs for participants (decision 055), and the office opens
 * it without the key, so its next save goes through and keeps only what the kind has.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { type Body, createOfficeWorld, EDITOR, type OfficeWorld } from './office-campaign.test-world.ts';

let w: OfficeWorld;
afterEach(async () => w?.close());

const PARTICIPANT = 1;
const read = async (id: number): Promise<Body> => (await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR)).body;
const save = (doc: Body) => w.json('PUT', `/api/admin/campaigns/${doc.id}`, EDITOR, doc);
const storedConfigs = async (id: number) =>
  Object.fromEntries(
    (await w.deps.db.select().from(schema.tasks).where(eq(schema.tasks.campaignId, id))).map((t) => [t.key, t.config]),
  );

describe('a task config with a key its kind does not have', () => {
  it('a typo and another kind’s key: refused 422 at each key by name, nothing stored', async () => {
    w = await createOfficeWorld();
    const id = await w.campaign({ status: 'draft' });
    await w.task(id, 'join', 'join_community', {});
    await w.task(id, 'visit', 'visit_link', { url: 'https://brand.example' });
    const before = await storedConfigs(id);
    const { document } = await read(id);
    const [join, visit] = document.tasks;
    const sent = {
      ...document,
      tasks: [
        { ...join, config: { comunityId: 42 } },
        { ...visit, config: { url: 'https://brand.example/new', friendsRequired: 3 } },
      ],
    };
    const refused = await save(sent);
    expect(refused.status).toBe(422);
    const issues = refused.body.error.issues.map((i: { path: string; code?: string; params?: unknown }) => [
      i.path,
      i.code,
      i.params,
    ]);
    expect(issues).toEqual([
      ['tasks.0.config.comunityId', 'unknown_key', { key: 'comunityId' }],
      ['tasks.1.config.friendsRequired', 'unknown_key', { key: 'friendsRequired' }],
    ]);
    expect(await storedConfigs(id)).toEqual(before);

    // The kind's own keys only: saved as sent.
    const fixed = {
      ...document,
      tasks: [
        { ...join, config: { groupId: 42 } },
        { ...visit, config: { url: 'https://brand.example/new' } },
      ],
    };
    expect((await save(fixed)).status).toBe(200);
    expect(await storedConfigs(id)).toEqual({ join: { groupId: 42 }, visit: { url: 'https://brand.example/new' } });
  });

  it('stored so by an earlier release: the office opens it without the key and saves it', async () => {
    w = await createOfficeWorld();
    const id = await w.campaign({ status: 'paused' });
    await w.task(id, 'invite', 'invite_friends', { friendsRequired: 2, comunityId: 42 });
    await w.task(id, 'visit', 'visit_link', { url: 'https://brand.example', groupId: 7 });

    const opened = await read(id);
    expect(opened.document.tasks.map((t: { config: unknown }) => t.config)).toEqual([
      { friendsRequired: 2 },
      { url: 'https://brand.example' },
    ]);
    // Nothing to fix that the form could not show: no problem at a task's config.
    expect(opened.problems.filter((p: { path: string }) => p.path.includes('.config'))).toEqual([]);

    const saved = await save({ ...opened.document, title: { ru: 'Другое имя', en: 'Another name' } });
    expect(saved.status).toBe(200);
    expect(await storedConfigs(id)).toEqual({
      invite: { friendsRequired: 2 },
      visit: { url: 'https://brand.example' },
    });
  });

  it('stored so and live: the participant’s state and start read it', async () => {
    w = await createOfficeWorld();
    const id = await w.campaign({});
    await w.task(id, 'visit', 'visit_link', { url: 'https://brand.example', groupId: 7 });
    expect((await w.json('POST', `/api/campaigns/${id}/open`, PARTICIPANT, {})).status).toBe(200);
    const state = await w.json('GET', `/api/campaigns/${id}/state`, PARTICIPANT);
    expect(state.status).toBe(200);
    const started = await w.json('POST', `/api/campaigns/${id}/tasks/visit/start`, PARTICIPANT, {});
    expect([started.status, started.body.task.action]).toEqual([200, { url: 'https://brand.example' }]);
  });
});
