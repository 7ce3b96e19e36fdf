/** The office campaign API over HTTP, on either database: who may use each route, and what each route does. */
import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { inTransaction } from '../../db/transactions.ts';
import { DAY } from '../../promo/testing/promo-world.ts';
import {
  type Body,
  createOfficeWorld,
  EDITOR,
  NO_SECTION,
  type OfficeWorld,
  OTHER_AGENCY,
  OTHER_BRAND,
  PARTICIPANT,
} from './office-campaign.test-world.ts';

let w: OfficeWorld;
afterEach(async () => w?.close());

/** A draft from the tasks template, its pool stocked, ready to publish. */
async function draft(template = 'tasks-reward') {
  const res = await w.json('POST', '/api/admin/campaigns', EDITOR, { brandId: w.brandId, templateKey: template });
  expect(res.status).toBe(201);
  for (const p of res.body.pools) await w.codes(res.body.id, p.key, 100);
  return res.body;
}

describe('office campaign routes', () => {
  it('item 8: every route answers the campaigns member and refuses the others; not-yours and not-there are the same 404', async () => {
    w = await createOfficeWorld();
    const doc = await draft();
    const routes = (id: number): [string, string, unknown?][] => [
      ['GET', `/api/admin/campaigns/${id}`],
      ['PUT', `/api/admin/campaigns/${id}`, { ...doc, id }],
      ['POST', `/api/admin/campaigns/${id}/preview`, { ...doc, id }],
      ['POST', `/api/admin/campaigns/${id}/status`, { to: 'scheduled' }],
      ['POST', `/api/admin/campaigns/${id}/duplicate`],
      ['GET', `/api/admin/campaigns/${id}/revisions`],
      ['GET', `/api/admin/campaigns/${id}/revisions/1`],
    ];
    for (const [method, path, body] of routes(doc.id)) {
      expect((await w.json(method, path, NO_SECTION, body)).body.error.code, path).toBe('forbidden');
      for (const outsider of [OTHER_BRAND, OTHER_AGENCY, PARTICIPANT]) {
        const res = await w.json(method, path, outsider, body);
        expect([res.status, res.body.error.code], `${method} ${path} as ${outsider}`).toEqual([
          404,
          'campaign_not_found',
        ]);
      }
    }
    for (const [method, path, body] of routes(999_999)) {
      const res = await w.json(method, path, EDITOR, body);
      expect([res.status, res.body.error.code], `${method} ${path}`).toEqual([404, 'campaign_not_found']);
    }
    const brandRoutes: [string, string, unknown?][] = [
      ['GET', `/api/admin/campaigns?brandId=${w.brandId}`],
      ['POST', '/api/admin/campaigns', { brandId: w.brandId, templateKey: 'quiz-tiers' }],
    ];
    for (const [method, path, body] of brandRoutes) {
      // Any member of the brand may list its campaigns (tests/office/campaign-list.test.ts); creating needs the section.
      const refusedOnes =
        method === 'GET'
          ? [OTHER_BRAND, OTHER_AGENCY, PARTICIPANT]
          : [NO_SECTION, OTHER_BRAND, OTHER_AGENCY, PARTICIPANT];
      for (const refused of refusedOnes) {
        const res = await w.json(method, path, refused, body);
        expect([res.status, res.body.error.code], `${method} ${path} as ${refused}`).toEqual([403, 'forbidden']);
      }
    }
    const missingBrand = await w.json('GET', '/api/admin/campaigns?brandId=999999', EDITOR);
    expect(missingBrand.status).toBe(403);
    expect((await w.json('GET', '/api/admin/templates', PARTICIPANT)).status).toBe(403);
    // The member's own answers, in the order a brand goes: read, save, preview, publish, revisions, copy.
    expect((await w.json('GET', '/api/admin/templates', EDITOR)).status).toBe(200);
    for (const [method, path, body] of routes(doc.id)) {
      const res = await w.json(method, path, EDITOR, body);
      expect(res.status, `${method} ${path}: ${JSON.stringify(res.body).slice(0, 300)}`).toBeLessThan(300);
    }
    for (const [method, path, body] of brandRoutes)
      expect((await w.json(method, path, EDITOR, body)).status).toBeLessThan(300);
  });

  it('two campaigns saved at once to the same new address: one gets it, the other a 422 on slug, never a 500', async () => {
    w = await createOfficeWorld();
    const ids = [(await draft()).id, (await draft('quiz-tiers')).id];
    // On PostgreSQL both checks run before either commits; the serializable retry re-checks instead of meeting the index.
    const current = async (id: number) => (await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR)).body.document;
    for (let round = 0; round < 5; round++) {
      const docs = await Promise.all(ids.map(current));
      const both = await Promise.all(
        docs.map((d) => w.json('PUT', `/api/admin/campaigns/${d.id}`, EDITOR, { ...d, slug: `race-${round}` })),
      );
      const answers = both.map((r) => `${r.status} ${r.status === 422 ? r.body.error.issues[0].path : ''}`);
      expect(answers.sort(), `round ${round}`).toEqual(['200 ', '422 slug']);
    }
  });

  it('item 2: the catalogue lists templates with the participant preview; "use" makes a draft with a slug unique in the brand', async () => {
    w = await createOfficeWorld();
    const catalogue = await w.json('GET', '/api/admin/templates?language=en', EDITOR);
    expect(catalogue.body.templates.map((t: { key: string }) => t.key)).toEqual(
      expect.arrayContaining(['tasks-reward', 'quiz-tiers', 'wheel-instant']),
    );
    const wheel = catalogue.body.templates.find((t: { key: string }) => t.key === 'wheel-instant');
    expect(wheel.preview.campaign).toMatchObject({ title: 'Lucky wheel', phase: 'running' });
    expect(wheel.preview.state.wheel.sectors.map((s: { key: string }) => s.key)).toEqual([
      'discount5',
      'discount20',
      'merch',
      'lose',
    ]);
    const first = await w.json('POST', '/api/admin/campaigns', EDITOR, {
      brandId: w.brandId,
      templateKey: 'quiz-tiers',
    });
    const second = await w.json('POST', '/api/admin/campaigns', EDITOR, {
      brandId: w.brandId,
      templateKey: 'quiz-tiers',
    });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect([first.body.slug, second.body.slug]).toEqual(['quiz', 'quiz-2']);
    expect(first.body).toMatchObject({ status: 'draft', revision: 0, mechanic: 'quiz', brandId: w.brandId });
    expect(first.body.communityId).not.toBeNull();
    expect(first.body.startsAt).toBeGreaterThan(w.clock.now);
    const unknown = await w.json('POST', '/api/admin/campaigns', EDITOR, { brandId: w.brandId, templateKey: 'nope' });
    expect([unknown.status, unknown.body.error.issues[0].path]).toEqual([422, 'templateKey']);
    const audit = await w.deps.db.select().from(schema.officeAudit);
    expect(audit.filter((a) => a.action === 'campaign.create')).toHaveLength(2);
  });

  it('item 1: the document saves and reads back whole (texts ru/en, tasks, rewards, pools); bad input is a 422 with the field', async () => {
    w = await createOfficeWorld();
    const doc = await draft();
    const edited = {
      ...doc,
      title: { ru: 'Новое имя', en: 'New name' },
      tasks: [
        ...doc.tasks,
        {
          key: 'code',
          kind: 'enter_code',
          title: { ru: 'Код', en: 'Code' },
          description: { ru: '', en: '' },
          config: { poolKey: 'pack' },
          attemptsGranted: 0,
          position: 9,
        },
      ],
      pools: [...doc.pools, { key: 'pack', name: 'Pack', purpose: 'entry', lowStockThreshold: 0, total: 0, free: 0 }],
    };
    const saved = await w.json('PUT', `/api/admin/campaigns/${doc.id}`, EDITOR, edited);
    expect(saved.status).toBe(200);
    expect(saved.body.problems).toContainEqual(
      expect.objectContaining({ path: 'tasks.3.config.poolKey', code: 'pool_without_codes' }),
    );
    const read = await w.json('GET', `/api/admin/campaigns/${doc.id}`, EDITOR);
    // Counts and the sandbox flag are read-only in the document (the pool routes own them).
    const withoutCounts = (d: typeof doc) => ({
      ...d,
      pools: d.pools.map(({ total, free, sandbox, ...p }: Body) => p),
    });
    expect(withoutCounts(read.body.document)).toEqual({ ...withoutCounts(edited), editVersion: doc.editVersion + 1 });
    const participantTitle = await w.deps.db.select().from(schema.campaigns);
    expect(participantTitle[0]).toMatchObject({ title: 'Новое имя', translations: { en: { title: 'New name' } } });

    const bad = await w.json('PUT', `/api/admin/campaigns/${doc.id}`, EDITOR, {
      ...doc,
      timeZone: 'Mars/Olympus',
      tasks: [{ ...doc.tasks[2], config: {} }],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['timeZone', 'tasks.0.config.url']);
    const otherApp = await w.json('PUT', `/api/admin/campaigns/${doc.id}`, EDITOR, { ...doc, appId: 999 });
    expect([otherApp.status, otherApp.body.error.issues[0].path]).toEqual([422, 'appId']);
    // Another campaign's address (found from outside: the unique index answered 500).
    const other = await w.json('POST', '/api/admin/campaigns', EDITOR, {
      brandId: w.brandId,
      templateKey: 'quiz-tiers',
    });
    const taken = await w.json('PUT', `/api/admin/campaigns/${doc.id}`, EDITOR, { ...doc, slug: other.body.slug });
    expect([taken.status, taken.body.error.issues[0].path]).toEqual([422, 'slug']);
    // A number no date can hold (found from outside: such an end date made every participant's list a 500).
    for (const field of ['startsAt', 'endsAt']) {
      const far = await w.json('PUT', `/api/admin/campaigns/${doc.id}`, EDITOR, {
        ...doc,
        [field]: 8_700_000_000_000_000,
      });
      expect([far.status, far.body.error.issues[0].path], field).toEqual([422, field]);
    }
    // A link the participant's tap opens is a web address: a `javascript:` one would run in the participant's page.
    const link = doc.tasks.findIndex((t: Body) => t.kind === 'visit_link');
    for (const url of ['javascript:alert(document.cookie)', 'data:text/html,<script>1</script>', 'example.com']) {
      const tasks = doc.tasks.map((t: Body, i: number) => (i === link ? { ...t, config: { url } } : t));
      const refused = await w.json('PUT', `/api/admin/campaigns/${doc.id}`, EDITOR, { ...doc, tasks });
      expect([refused.status, refused.body.error.issues[0].path], url).toEqual([422, `tasks.${link}.config.url`]);
      // Named by a code the office words ("a web address starting with https:// is needed"), not a bare refusal.
      expect(refused.body.error.issues[0].code, url).toBe('not_a_web_address');
    }
    // The cover is shown to participants from https only (their page's CSP, VK's https frame): http is refused.
    for (const coverUrl of ['http://cdn.example/cover.png', 'javascript:alert(1)']) {
      const cover = await w.json('PUT', `/api/admin/campaigns/${doc.id}`, EDITOR, { ...doc, theme: { coverUrl } });
      expect([cover.status, cover.body.error.issues[0].path], coverUrl).toEqual([422, 'theme.coverUrl']);
      expect(cover.body.error.issues[0].code, coverUrl).toBe('not_a_web_address');
    }
    const https = { ...read.body.document, theme: { coverUrl: 'https://cdn.example/cover.png' } };
    expect((await w.json('PUT', `/api/admin/campaigns/${doc.id}`, EDITOR, https)).status).toBe(200);
  });

  it('a time zone typed in another case is stored in its IANA spelling; one Intl does not know is a 422 (found from outside: `europe/moscow` was stored as typed)', async () => {
    w = await createOfficeWorld();
    let doc = await draft();
    for (const [typed, canonical] of [
      ['europe/moscow', 'Europe/Moscow'],
      ['ASIA/YEKATERINBURG', 'Asia/Yekaterinburg'],
    ]) {
      const saved = await w.json('PUT', `/api/admin/campaigns/${doc.id}`, EDITOR, { ...doc, timeZone: typed });
      expect(saved.status, typed).toBe(200);
      expect(saved.body.document.timeZone, typed).toBe(canonical);
      const [row] = await w.deps.db.select().from(schema.campaigns).where(eq(schema.campaigns.id, doc.id));
      expect(row?.timeZone, typed).toBe(canonical);
      doc = saved.body.document;
    }
    for (const typed of ['Europe/Moskva', 'Europe/Moscow ', '+03:00']) {
      const refused = await w.json('PUT', `/api/admin/campaigns/${doc.id}`, EDITOR, { ...doc, timeZone: typed });
      expect([refused.status, refused.body.error.issues[0].path], typed).toEqual([422, 'timeZone']);
    }
  });

  it('two editors of one campaign: a save over a version saved meanwhile is a 409 that writes nothing (no silent undo)', async () => {
    w = await createOfficeWorld();
    const opened = await draft();
    // A client that does not say which version it edited is refused, not written unchecked.
    const { editVersion: _unsaid, ...unversioned } = opened;
    const unsaid = await w.json('PUT', `/api/admin/campaigns/${opened.id}`, EDITOR, unversioned);
    expect([unsaid.status, unsaid.body.error.issues[0].path]).toEqual([422, 'editVersion']);
    const mine = { ...opened, title: { ru: 'Моё имя', en: 'My name' } };
    const theirs = { ...opened, description: { ru: 'Их описание', en: 'Their description' } };
    const first = await w.json('PUT', `/api/admin/campaigns/${opened.id}`, EDITOR, mine);
    expect([first.status, first.body.document.editVersion]).toEqual([200, opened.editVersion + 1]);
    const auditBefore = (await w.deps.db.select().from(schema.officeAudit)).length;
    const stale = await w.json('PUT', `/api/admin/campaigns/${opened.id}`, EDITOR, theirs);
    expect([stale.status, stale.body.error.code]).toEqual([409, 'edited_meanwhile']);
    expect(stale.body.current).toEqual({ editVersion: opened.editVersion + 1, savedAt: w.clock.now });
    const kept = await w.json('GET', `/api/admin/campaigns/${opened.id}`, EDITOR);
    expect([kept.body.document.title.ru, kept.body.document.description.ru]).toEqual([
      'Моё имя',
      opened.description.ru,
    ]);
    expect(await w.deps.db.select().from(schema.officeAudit)).toHaveLength(auditBefore);
    // Reloaded, their change applies over mine.
    const again = { ...kept.body.document, description: theirs.description };
    expect((await w.json('PUT', `/api/admin/campaigns/${opened.id}`, EDITOR, again)).status).toBe(200);

    // A live campaign: the stale save publishes no revision; two saves of one version at once, one wins.
    expect((await w.json('POST', `/api/admin/campaigns/${opened.id}/status`, EDITOR, { to: 'live' })).status).toBe(200);
    const live = (await w.json('GET', `/api/admin/campaigns/${opened.id}`, EDITOR)).body.document;
    const both = await Promise.all(
      ['Первый', 'Второй'].map((ru) =>
        w.json('PUT', `/api/admin/campaigns/${opened.id}`, EDITOR, { ...live, title: { ru, en: ru } }),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const revisions = await w.json('GET', `/api/admin/campaigns/${opened.id}/revisions`, EDITOR);
    expect(revisions.body.revisions).toHaveLength(2);
    const winner = both.find((r) => r.status === 200)?.body.document.title.ru;
    expect((await w.json('GET', `/api/admin/campaigns/${opened.id}`, EDITOR)).body.document.title.ru).toBe(winner);

    // A revision stored before saves were versioned reads back whole, as version 0.
    const [stored] = await w.deps.db
      .select()
      .from(schema.campaignRevisions)
      .where(and(eq(schema.campaignRevisions.campaignId, opened.id), eq(schema.campaignRevisions.number, 1)));
    if (!stored) throw new Error('revision 1 was written above');
    const { editVersion: _none, ...older } = stored.document as Body;
    await inTransaction(w.deps.db, (tx) =>
      tx.update(schema.campaignRevisions).set({ document: older }).where(eq(schema.campaignRevisions.id, stored.id)),
    );
    const revision = await w.json('GET', `/api/admin/campaigns/${opened.id}/revisions/1`, EDITOR);
    expect([revision.status, revision.body.editVersion, revision.body.title]).toEqual([200, 0, older.title]);
  });

  it('item 4: publishing validates (422 not_publishable with problems), writes revision 1, goes live; transitions outside the table are 409', async () => {
    w = await createOfficeWorld();
    const res = await w.json('POST', '/api/admin/campaigns', EDITOR, {
      brandId: w.brandId,
      templateKey: 'tasks-reward',
    });
    const id = res.body.id;
    const refused = await w.json('POST', `/api/admin/campaigns/${id}/status`, EDITOR, { to: 'live' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('not_publishable');
    expect(refused.body.problems).toContainEqual(
      expect.objectContaining({ path: 'rewards.0.poolKey', code: 'pool_without_codes' }),
    );
    await w.codes(id, 'discount15', 10);
    expect((await w.json('POST', `/api/admin/campaigns/${id}/status`, EDITOR, { to: 'paused' })).status).toBe(409);
    const live = await w.json('POST', `/api/admin/campaigns/${id}/status`, EDITOR, { to: 'live' });
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ status: 'live', revision: 1, startsAt: w.clock.now });
    const participantSees = await w.json('GET', `/api/campaigns/${id}`, PARTICIPANT);
    expect(participantSees.body).toMatchObject({ id, phase: 'running' });
    for (const [to, status] of [
      ['scheduled', 409],
      ['paused', 200],
      ['live', 200],
      ['ended', 200],
      ['live', 409],
      ['archived', 200],
      ['draft', 409],
    ] as const) {
      const step = await w.json('POST', `/api/admin/campaigns/${id}/status`, EDITOR, { to });
      expect([to, step.status]).toEqual([to, status]);
    }
    expect((await w.json('PUT', `/api/admin/campaigns/${id}`, EDITOR, live.body)).status).toBe(409);
    const actions = (await w.deps.db.select().from(schema.officeAudit)).map((a) => a.action);
    expect(actions).toEqual([
      'campaign.create',
      'campaign.live',
      'campaign.paused',
      'campaign.resume',
      'campaign.ended',
      'campaign.archived',
    ]);
  });

  it('item 5: every document answer carries the transitions the server allows from its status (one table, on the server)', async () => {
    w = await createOfficeWorld();
    const created = await w.json('POST', '/api/admin/campaigns', EDITOR, {
      brandId: w.brandId,
      templateKey: 'tasks-reward',
    });
    const id = created.body.id;
    expect(created.body.allowedTransitions).toEqual(['scheduled', 'live']);
    await w.codes(id, 'discount15', 10);
    const live = await w.json('POST', `/api/admin/campaigns/${id}/status`, EDITOR, { to: 'live' });
    expect(live.body.allowedTransitions).toEqual(['paused', 'ended']);
    const read = await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR);
    expect(read.body.document.allowedTransitions).toEqual(['paused', 'ended']);
    // Each one offered is accepted; the revision (a record) offers none.
    const paused = await w.json('POST', `/api/admin/campaigns/${id}/status`, EDITOR, { to: 'paused' });
    expect([paused.status, paused.body.allowedTransitions]).toEqual([200, ['live', 'ended']]);
    const revision = await w.json('GET', `/api/admin/campaigns/${id}/revisions/1`, EDITOR);
    expect(revision.body.allowedTransitions).toEqual([]);
  });

  it('item 7: duplicate makes a draft copy; the list shows stock per pool with the low flag; revisions are listed and readable', async () => {
    w = await createOfficeWorld();
    const doc = await draft();
    await w.json('POST', `/api/admin/campaigns/${doc.id}/status`, EDITOR, { to: 'scheduled' });
    const copy = await w.json('POST', `/api/admin/campaigns/${doc.id}/duplicate`, EDITOR);
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({
      status: 'draft',
      revision: 0,
      slug: 'tasks-copy',
      title: { ru: `${doc.title.ru} (копия)` },
    });
    expect(copy.body.tasks).toEqual(doc.tasks);
    expect(copy.body.pools[0]).toMatchObject({ key: 'discount15', total: 0, free: 0 });
    const list = await w.json('GET', `/api/admin/campaigns?brandId=${w.brandId}`, EDITOR);
    expect(list.body.campaigns).toEqual([
      expect.objectContaining({
        id: copy.body.id,
        status: 'draft',
        revision: 0,
        timeZone: copy.body.timeZone,
        // No code loaded into the copy yet: not low, none is (decision 099; it was low: true).
        stock: [{ poolKey: 'discount15', pool: 'Промокоды −15%', free: 0, total: 0, low: false }],
      }),
      expect.objectContaining({
        id: doc.id,
        status: 'scheduled',
        revision: 1,
        stock: [{ poolKey: 'discount15', pool: 'Промокоды −15%', free: 100, total: 100, low: false }],
      }),
    ]);
    const revisions = await w.json('GET', `/api/admin/campaigns/${doc.id}/revisions`, EDITOR);
    expect(revisions.body.revisions).toEqual([
      expect.objectContaining({ number: 1, createdBy: { platform: 'vk', userId: String(EDITOR) } }),
    ]);
    const one = await w.json('GET', `/api/admin/campaigns/${doc.id}/revisions/1`, EDITOR);
    expect(one.body).toMatchObject({ id: doc.id, revision: 1, status: 'scheduled', title: doc.title });
    expect((await w.json('GET', `/api/admin/campaigns/${doc.id}/revisions/2`, EDITOR)).status).toBe(404);
  });

  it('a copy of a campaign whose title is at its limit saves as it is (found from outside: the mark put it 8 over)', async () => {
    w = await createOfficeWorld();
    const doc = await draft();
    const long = await w.json('PUT', `/api/admin/campaigns/${doc.id}`, EDITOR, {
      ...doc,
      title: { ru: 'Я'.repeat(200), en: 'E'.repeat(200) },
    });
    const longCopy = await w.json('POST', `/api/admin/campaigns/${doc.id}/duplicate`, EDITOR);
    expect(longCopy.body.title.ru).toMatch(/^Я+… \(копия\)$/);
    expect(longCopy.body.title.en).toMatch(/^E+… \(copy\)$/);
    const savedAsIs = await w.json('PUT', `/api/admin/campaigns/${longCopy.body.id}`, EDITOR, longCopy.body);
    expect([long.status, savedAsIs.status], JSON.stringify(savedAsIs.body)).toEqual([200, 200]);
  });

  it('item 6: the preview of the saved document is exactly what the participant app gets for someone who has not opened it', async () => {
    w = await createOfficeWorld();
    for (const template of ['tasks-reward', 'quiz-tiers', 'wheel-instant']) {
      const doc = await draft(template);
      const live = await w.json('POST', `/api/admin/campaigns/${doc.id}/status`, EDITOR, { to: 'live' });
      expect(live.status, JSON.stringify(live.body)).toBe(200);
      w.clock.advance(DAY);
      const preview = await w.json('POST', `/api/admin/campaigns/${doc.id}/preview`, EDITOR, live.body);
      expect(preview.body.at).toBe(w.clock.now);
      expect(preview.body.campaign).toEqual((await w.json('GET', `/api/campaigns/${doc.id}`, PARTICIPANT)).body);
      expect(preview.body.state).toEqual((await w.json('GET', `/api/campaigns/${doc.id}/state`, PARTICIPANT)).body);
      expect(preview.body.rules).toEqual((await w.json('GET', `/api/campaigns/${doc.id}/rules`, PARTICIPANT)).body);
      // Unsaved edits show in the preview and nowhere else.
      const edited = { ...live.body, title: { ru: 'Черновик правки', en: 'Unsaved edit' } };
      const unsaved = await w.json('POST', `/api/admin/campaigns/${doc.id}/preview?language=en`, EDITOR, edited);
      expect(unsaved.body.campaign.title).toBe('Unsaved edit');
      expect((await w.json('GET', `/api/campaigns/${doc.id}`, PARTICIPANT)).body.title).toBe(doc.title.ru);
    }
  });
});
