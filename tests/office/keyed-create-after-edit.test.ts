/**
 * A keyed create retried late, after what it made was edited (decisions 079, 098). The office keeps a create's key
 * until its answer arrives; when that answer was lost and a colleague (or the same member in another tab) has edited
 * the new brand, canned answer, article or funnel rule meanwhile, the retry must still be the create it repeats: 201
 * with what it made, as it stands now, and nothing written. Before, the key was compared with the row as the edit left
 * it, so the retry was the 409 `client_key_reused` and the office said the create had failed. The key sent with other
 * content than its create had (the edited content too) is still the 409. A draft compared what it was made from and
 * was already right; it is here so that stays so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../server/db/client.ts';
import { type AgencyWorld, createAgencyWorld, USERS } from '../../server/office/agency/agency.test-world.ts';

let w: AgencyWorld;
let campaignId: number;
beforeAll(async () => {
  w = await createAgencyWorld();
  campaignId = await w.campaign({ status: 'live' });
}, 60_000);
afterAll(async () => w?.close());

// biome-ignore lint/suspicious/noExplicitAny: answers of several routes, read field by field.
type Body = any;
async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Body }> {
  const res = await w.call(method, path, USERS.owner, body);
  return { status: res.status, body: await res.json() };
}
const auditCount = async () => (await w.auditRows()).length;

interface Case {
  name: string;
  /** The collection the create posts to. */
  url: () => string;
  create: Record<string, unknown>;
  /** The item's URL, from the create's answer. */
  item: (made: Body) => string;
  /** The edit a colleague saves on the copy the create answered (it names that copy itself). */
  edit: (made: Body) => Record<string, unknown>;
  method: 'PATCH' | 'PUT';
  table: object;
}

const RULE = {
  name: 'Nudge',
  stage: 'opened',
  notStage: 'task_done',
  minHours: 24,
  channel: 'message',
  variants: [{ key: 'a', text: 'Come back' }],
};

const CASES: Case[] = [
  {
    name: 'a brand renamed',
    url: () => '/api/admin/agency/brands',
    create: { agencyId: 0, name: 'Новый бренд' },
    item: (made) => `/api/admin/agency/brands/${made.id}`,
    edit: (made) => ({ name: 'Переименованный бренд', savedAt: made.updatedAt }),
    method: 'PATCH',
    table: schema.brands,
  },
  {
    name: 'a canned answer edited',
    url: () => `/api/admin/support/brands/${w.brandId}/canned`,
    create: { title: 'Спасибо', bodyRu: 'Спасибо за обращение' },
    item: (made) => `/api/admin/support/brands/${w.brandId}/canned/${made.id}`,
    edit: (made) => ({ title: 'Спасибо!', bodyRu: 'Спасибо, что написали', savedAt: made.updatedAt }),
    method: 'PUT',
    table: schema.cannedAnswers,
  },
  {
    name: 'an article edited',
    url: () => `/api/admin/support/brands/${w.brandId}/articles`,
    create: { titleRu: 'Коды', bodyRu: 'Где взять код', position: 3 },
    item: (made) => `/api/admin/support/brands/${w.brandId}/articles/${made.id}`,
    edit: (made) => ({ titleRu: 'Промокоды', bodyRu: 'Код в чеке', position: 5, savedAt: made.updatedAt }),
    method: 'PUT',
    table: schema.kbArticles,
  },
  {
    name: 'a funnel rule edited',
    url: () => `/api/admin/mailing/campaigns/${campaignId}/rules`,
    create: RULE,
    item: (made) => `/api/admin/mailing/campaigns/${campaignId}/rules/${made.id}`,
    edit: (made) => ({ ...RULE, minHours: 48, savedAt: made.updatedAt }),
    method: 'PUT',
    table: schema.messageRules,
  },
];

describe('a keyed create retried after what it made was edited', () => {
  for (const c of CASES) {
    it(`${c.name}: the retry is 201 with it as it stands, nothing written; other content is still the 409`, async () => {
      const create = { ...c.create, ...('agencyId' in c.create ? { agencyId: w.agencyId } : {}) };
      const key = `late-retry-${CASES.indexOf(c)}-0001`;
      const made = await call('POST', c.url(), { ...create, clientKey: key });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      const edited = await call(c.method, c.item(made.body), c.edit(made.body));
      expect(edited.status, JSON.stringify(edited.body)).toBe(200);
      const rows = (await w.deps.db.select().from(c.table as typeof schema.brands)).length;
      const audit = await auditCount();

      const retry = await call('POST', c.url(), { ...create, clientKey: key });
      expect([retry.status, retry.body]).toEqual([201, edited.body]);
      // The key with what the edit saved is not the create it was made for.
      const { savedAt: _copy, ...editedContent } = c.edit(made.body);
      const asEdited = await call('POST', c.url(), { ...create, ...editedContent, clientKey: key });
      expect([asEdited.status, asEdited.body.error?.code]).toEqual([409, 'client_key_reused']);
      expect((await w.deps.db.select().from(c.table as typeof schema.brands)).length).toBe(rows);
      expect(await auditCount()).toBe(audit);
    });
  }

  it('a draft edited: the retry is the draft as it stands (as it already was)', async () => {
    const create = { brandId: w.brandId, templateKey: 'tasks-reward', clientKey: 'late-retry-draft-01' };
    const made = await call('POST', '/api/admin/campaigns', create);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const edited = await call('PUT', `/api/admin/campaigns/${made.body.id}`, {
      ...made.body,
      title: { ru: 'Другое имя', en: 'Another name' },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const retry = await call('POST', '/api/admin/campaigns', create);
    expect([retry.status, retry.body]).toEqual([201, edited.body.document]);
  });
});
