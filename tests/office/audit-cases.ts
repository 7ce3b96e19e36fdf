/**
 * The audit matrix's table: for every mutating office operation of the OpenAPI document, a request that succeeds for
 * the agency owner in the office world (rows it needs made fresh by `prepare`, so cases never share state) and the
 * audit entry it must leave; or the reason it writes no business state and so no entry. tests/office/audit-matrix.test.ts
 * fails for an operation missing here, so a new route cannot escape the audit.
 */
import { desc, eq } from 'drizzle-orm';
import { INSURANCE } from '../../server/calculator/testing/calculator-world.ts';
import { schema } from '../../server/db/client.ts';
import { DAY } from '../../server/promo/testing/promo-world.ts';
import { STATS_MEASURES } from '../../server/stats/stats.schemas.ts';
import type { Snapshot } from './database-snapshot.ts';
import type { OfficeMatrixWorld } from './office-world.ts';

/** An `office_audit` row as the snapshot holds it. */
export type Entry = Record<string, unknown> & { entityId: string; before: unknown; after: unknown };

export interface AuditWorld extends OfficeMatrixWorld {
  /** The agency owner of agency 1: the caller of every successful case. */
  owner: number;
  /** A draw campaign of the own brand whose draw time has come, with entrants (see audit-draw.ts). */
  drawCampaign(): Promise<number>;
}

/** What a case's request carries beyond the own tenant's rows: path parameters by name, the JSON body. */
export interface Prepared {
  params?: Record<string, number | string>;
  body?: unknown;
  /** The brand the entry belongs to when it is not the own brand (a brand made for the case). */
  brandId?: number | null;
}

export interface AuditCase {
  prepare?: (w: AuditWorld) => Promise<Prepared>;
  body?: unknown;
  action: string;
  entity: string;
  /** The section recorded, when it is not the route's `x-section`. */
  section?: string;
  /** The SQL table of the entity: the entry's before/after must agree with its row before/after the request. */
  table?: string;
  /** The entry's before/after checked against the database by hand, for an entity that is no single row (a draw's
   * outcome, a calendar's moments): a description of what disagrees, or undefined. */
  check?: (entry: Entry, before: Snapshot, after: Snapshot) => string | undefined;
  /** A request that fails validation (422): a body, or path parameters. Default: body `{}`, or `{id}`/child `x`. */
  invalid?: Prepared;
}

/** An operation that writes no business state: the reason, and a valid request that must leave every table as it was. */
export interface NoAuditCase {
  noAudit: string;
  prepare?: AuditCase['prepare'];
  body?: unknown;
}

export type AuditTable = Record<string, AuditCase | NoAuditCase>;

/** The newest row id of a table (every table here has an integer `id`). */
const lastId = async (w: AuditWorld, of: object) => {
  const table = of as typeof schema.brands;
  const [row] = await w.deps.db.select({ id: table.id }).from(table).orderBy(desc(table.id)).limit(1);
  if (!row) throw new Error('no row');
  return row.id;
};

/** A request as the agency owner that must succeed (preparing a case). */
async function ok(w: AuditWorld, method: string, path: string, body?: unknown) {
  const res = await w.call(method, path, w.owner, body);
  if (res.status >= 300) throw new Error(`prepare ${method} ${path}: ${res.status} ${await res.text()}`);
  return res;
}

const draft = (w: AuditWorld) => w.campaign({ status: 'scheduled', startsAt: w.clock.now + DAY });

async function calendarCampaign(w: AuditWorld) {
  const id = await w.campaign({
    mechanic: 'code',
    status: 'scheduled',
    startsAt: w.clock.now + DAY,
    endsAt: w.clock.now + 10 * DAY,
    settings: { instantWin: { mode: 'calendar' }, packCode: { poolKey: 'packs' } },
  });
  await w.reward(id, 'mug', { unlock: { code: true } });
  return id;
}

let nextUser = 80_000;
/** A fresh VK participant of the own campaign: its row id and VK user id. */
async function participant(w: AuditWorld) {
  const campaignId = w.tenants.own.campaignId;
  nextUser += 1;
  const userId = nextUser;
  const [row] = await w.write((tx) =>
    tx
      .insert(schema.participants)
      .values({
        campaignId,
        platform: 'vk',
        platformUserId: String(userId),
        stageReachedAt: w.clock.now,
        referralCode: `p${userId}`,
      })
      .returning({ id: schema.participants.id }),
  );
  return { id: row?.id ?? 0, userId, campaignId };
}

/** A ticket the participant opened from the mini app. */
export async function ticket(w: AuditWorld) {
  const p = await participant(w);
  const body = { campaignId: p.campaignId, subject: 'Help', body: 'No code' };
  const res = await w.call('POST', '/api/support/tickets', p.userId, body);
  if (res.status !== 201) throw new Error(`ticket: ${res.status} ${await res.text()}`);
  return { campaignId: p.campaignId, ticketId: await lastId(w, schema.tickets) };
}

const count = (s: Snapshot, table: string, where: (r: Record<string, unknown>) => boolean) =>
  (s.get(table) ?? []).filter(where).length;
const field = (v: unknown, k: string) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A campaign entry's before/after (the editor's document) against the campaign row. */
const campaignCheck: AuditCase['check'] = (e, before, after) => {
  const row = (s: Snapshot) => (s.get('campaigns') ?? []).find((r) => String(r.id) === e.entityId);
  for (const [recorded, r] of [
    [e.before, row(before)],
    [e.after, row(after)],
  ] as const) {
    if (!r) {
      if (recorded != null) return `recorded ${JSON.stringify(recorded).slice(0, 80)} for no row`;
      continue;
    }
    for (const k of ['id', 'slug', 'status', 'mechanic', 'startsAt', 'endsAt']) {
      if (!same(field(recorded, k), r[k])) return `${k}: ${JSON.stringify(field(recorded, k))} ≠ row ${r[k]}`;
    }
    if (field(field(recorded, 'title'), 'ru') !== r.title) return 'title ≠ row';
  }
  return undefined;
};

/** A calendar entry: `moments` before and after = the campaign's prize moments then. */
const momentsCheck: AuditCase['check'] = (e, before, after) => {
  const moments = (s: Snapshot) => count(s, 'prize_moments', (r) => String(r.campaignId) === e.entityId);
  const was = field(e.before, 'moments');
  const is = field(e.after, 'moments');
  return (was === undefined || was === moments(before)) && is === moments(after)
    ? undefined
    : `moments ${was}→${is}, rows ${moments(before)}→${moments(after)}`;
};

/** A beta entry (entity the campaign): the tester or link it names is in the table after (add) or gone (remove). */
const betaCheck =
  (table: string, present: boolean): AuditCase['check'] =>
  (e, _before, after) => {
    const rows = (after.get(table) ?? []).filter((r) => String(r.campaignId) === e.entityId);
    const tester = field(e.after ?? e.before, 'tester');
    const there = tester ? rows.some((r) => r.platformUserId === field(tester, 'userId')) : rows.length > 0;
    return there === present ? undefined : `${table} ${present ? 'lacks' : 'still has'} what the entry names`;
  };

const RULE = {
  name: 'Nudge',
  stage: 'opened',
  notStage: 'task_done',
  minHours: 24,
  channel: 'message',
  variants: [{ key: 'a', text: 'Come back' }],
};

/** A funnel rule of the own campaign, made for the case (on, as created). */
export async function rule(w: AuditWorld) {
  const id = w.tenants.own.campaignId;
  await ok(w, 'POST', `/api/admin/mailing/campaigns/${id}/rules`, RULE);
  return { id, ruleId: await lastId(w, schema.messageRules) };
}

async function brand(w: AuditWorld) {
  await ok(w, 'POST', '/api/admin/agency/brands', { agencyId: w.agencyId, name: 'Case brand' });
  const brandId = await lastId(w, schema.brands);
  return { brandId };
}

/** The own campaign with the insurance calculator saved (server/calculator/testing), for the calculator and leads. */
async function calculatorCampaign(w: AuditWorld) {
  const id = w.tenants.own.campaignId;
  const url = `/api/admin/campaigns/${id}/calculator`;
  // Saved on the copy read just before, as the office saves it (the world may hold one from an earlier case).
  const { savedAt } = (await (await ok(w, 'GET', url)).json()) as { savedAt: number | null };
  await ok(w, 'PUT', url, { config: INSURANCE, savedAt });
  return id;
}

/** A lead a fresh participant left through the calculator of the own campaign. */
async function lead(w: AuditWorld) {
  const id = await calculatorCampaign(w);
  const p = await participant(w);
  const form = {
    inputs: { area: 60, price: 12.5, gas: true, months: 12 },
    name: 'Anna',
    email: { value: 'anna@example.com' },
    consent: true,
  };
  const res = await w.call('POST', `/api/campaigns/${id}/calculator/lead`, p.userId, {
    ...form,
    consentVersion: INSURANCE.lead.consentVersion,
  });
  if (res.status >= 300) throw new Error(`lead: ${res.status} ${await res.text()}`);
  return { id, leadId: await lastId(w, schema.leads) };
}

const CANNED = { title: 'Thanks', bodyRu: 'Спасибо' };
const ARTICLE = { titleRu: 'Коды', bodyRu: 'Где взять код' };
const TOKEN = 'vk1.a.secret-token-never-shown';

export const AUDIT_CASES: AuditTable = {
  // Prizes: pools, the calendar, the draw.
  'POST /api/admin/campaigns/{id}/pools': {
    body: { key: 'extra', name: 'Extra codes' },
    action: 'pool.create',
    entity: 'pool',
    table: 'promo_code_pools',
  },
  'PATCH /api/admin/campaigns/{id}/pools/{poolId}': {
    body: { lowStockThreshold: 7 },
    action: 'pool.threshold',
    entity: 'pool',
    table: 'promo_code_pools',
    invalid: { body: { lowStockThreshold: -1 } },
  },
  'POST /api/admin/campaigns/{id}/pools/{poolId}/codes': {
    body: { csv: 'NEW-1\nNEW-2\n' },
    action: 'pool.import',
    entity: 'pool',
    check: (e, before, after) => {
      const codes = (s: Snapshot) => count(s, 'promo_pool_codes', (r) => String(r.poolId) === e.entityId);
      return field(e.after, 'codes') === codes(after) - codes(before) && e.before == null
        ? undefined
        : `after ${JSON.stringify(e.after)}, codes ${codes(before)}→${codes(after)}`;
    },
    invalid: { body: { csv: '' } },
  },
  'POST /api/admin/campaigns/{id}/calendar/generate': {
    prepare: async (w) => ({ params: { id: await calendarCampaign(w) } }),
    body: { mode: 'per_day', rewards: [{ rewardKey: 'mug', count: 2 }] },
    action: 'calendar.generate',
    entity: 'campaign',
    check: momentsCheck,
  },
  'POST /api/admin/campaigns/{id}/calendar/import': {
    prepare: async (w) => ({
      params: { id: await calendarCampaign(w) },
      body: { csv: `reward_key,at\nmug,${new Date(w.clock.now + 2 * DAY).toISOString()}\n` },
    }),
    action: 'calendar.import',
    entity: 'campaign',
    check: momentsCheck,
    invalid: { body: { csv: 5 } },
  },
  'DELETE /api/admin/campaigns/{id}/calendar/moments': {
    prepare: async (w) => {
      const id = await calendarCampaign(w);
      await ok(w, 'POST', `/api/admin/campaigns/${id}/calendar/generate`, {
        mode: 'per_day',
        rewards: [{ rewardKey: 'mug', count: 2 }],
      });
      return { params: { id } };
    },
    action: 'calendar.delete_future',
    entity: 'campaign',
    check: momentsCheck,
  },
  'POST /api/admin/campaigns/{id}/draw': {
    prepare: async (w) => ({ params: { id: await w.drawCampaign() } }),
    action: 'draw.run',
    entity: 'draw',
    check: (e, before, after) => {
      const draw = (after.get('draws') ?? []).find((r) => String(r.id) === e.entityId);
      const was = (before.get('draws') ?? []).find((r) => String(r.id) === e.entityId);
      const entries = Array.isArray(draw?.entries) ? draw.entries.length : -1;
      const drawnBefore = field(e.before, 'drawnAt') ?? null;
      return was &&
        drawnBefore === (was.drawnAt ?? null) &&
        field(e.after, 'drawnAt') === draw?.drawnAt &&
        field(e.after, 'entries') === entries
        ? undefined
        : `draw ${JSON.stringify(e.after)} ≠ row drawnAt ${draw?.drawnAt}, ${entries} entries`;
    },
  },
  'POST /api/admin/campaigns/{id}/draw/picks/{pickId}/verify': {
    prepare: async (w) => {
      const id = await w.drawCampaign();
      await ok(w, 'POST', `/api/admin/campaigns/${id}/draw`);
      const [pick] = await w.deps.db.select().from(schema.drawPicks).orderBy(desc(schema.drawPicks.id)).limit(1);
      return { params: { id, pickId: pick?.id ?? 0 } };
    },
    action: 'draw.verify',
    entity: 'draw_pick',
    check: (e, before, after) => {
      const pick = (s: Snapshot) => (s.get('draw_picks') ?? []).find((r) => String(r.id) === e.entityId);
      return pick(before)?.verification == null && e.before == null && same(e.after, pick(after)?.verification)
        ? undefined
        : `verification ${JSON.stringify(e.after)} ≠ row ${JSON.stringify(pick(after)?.verification)}`;
    },
  },
  'POST /api/admin/campaigns/{id}/draw/picks/{pickId}/repick': {
    prepare: async (w) => {
      const id = await w.drawCampaign();
      await ok(w, 'POST', `/api/admin/campaigns/${id}/draw`);
      const [draw] = await w.deps.db.select().from(schema.draws).orderBy(desc(schema.draws.id)).limit(1);
      const picks = await w.deps.db.select().from(schema.drawPicks).orderBy(schema.drawPicks.id);
      const pick = picks.find((p) => p.drawId === draw?.id && p.role === 'winner');
      return { params: { id, pickId: pick?.id ?? 0 } };
    },
    body: { reason: 'Left the community' },
    action: 'draw.repick',
    entity: 'draw_pick',
    table: 'draw_picks',
  },
  'POST /api/admin/campaigns/{id}/draw/announce': {
    prepare: async (w) => {
      const id = await w.drawCampaign();
      await ok(w, 'POST', `/api/admin/campaigns/${id}/draw`);
      return { params: { id } };
    },
    action: 'draw.announce',
    entity: 'draw',
    check: (e, before, after) => {
      const queued = (s: Snapshot) => (s.get('outbox') ?? []).length;
      return field(e.after, 'queued') === queued(after) - queued(before)
        ? undefined
        : `announce ${JSON.stringify(e.after)}, outbox ${queued(before)}→${queued(after)}`;
    },
  },

  // Calculator and leads (issue 17).
  'PUT /api/admin/campaigns/{id}/calculator': {
    // The campaign has no calculator yet: the copy the save names is "none" (server/office/one-save-per-copy.ts).
    body: { config: INSURANCE, savedAt: null },
    action: 'calculator.save',
    entity: 'campaign',
    check: (e, _before, after) => {
      const row = (after.get('calculators') ?? []).find((r) => String(r.campaignId) === e.entityId);
      return e.before === null && same(field(e.after, 'formula'), field(row?.config, 'formula'))
        ? undefined
        : `calculator ${JSON.stringify(e.after).slice(0, 80)} ≠ row`;
    },
  },
  'POST /api/admin/campaigns/{id}/calculator/preview': {
    noAudit: 'computes a result from a draft config for the live preview; stores nothing',
    body: { config: INSURANCE, inputs: { area: 60, price: 12.5, gas: true, months: 12 } },
  },
  'PATCH /api/admin/campaigns/{id}/leads/{leadId}': {
    prepare: async (w) => ({ params: await lead(w) }),
    body: { status: 'in_progress' },
    action: 'lead.status',
    entity: 'lead',
    check: (e, before, after) => {
      const row = (s: Snapshot) => (s.get('leads') ?? []).find((r) => String(r.id) === e.entityId);
      return field(e.before, 'status') === row(before)?.status && field(e.after, 'status') === row(after)?.status
        ? undefined
        : `lead status ${JSON.stringify(e.before)}→${JSON.stringify(e.after)} ≠ rows`;
    },
  },
  'PUT /api/admin/campaigns/{id}/leads-webhook': {
    prepare: async (w) => ({ params: { id: await calculatorCampaign(w) } }),
    body: { url: 'https://crm.example/hooks/leads', secret: 'a-webhook-secret-of-32-characters' },
    action: 'lead_webhook.save',
    entity: 'campaign',
    check: (e, before, after) => {
      const url = (s: Snapshot) =>
        (s.get('calculators') ?? []).find((r) => String(r.campaignId) === e.entityId)?.webhookUrl;
      const text = JSON.stringify(e);
      if (text.includes('a-webhook-secret')) return 'the secret is in the entry';
      return field(e.before, 'url') === (url(before) ?? null) && field(e.after, 'url') === url(after)
        ? undefined
        : `webhook ${JSON.stringify(e.before)}→${JSON.stringify(e.after)} ≠ rows`;
    },
  },
  'POST /api/admin/campaigns/{id}/offers/import': {
    body: {
      format: 'csv',
      content: 'id,title,price,category_id,category\nA-1,Tea,99.90,tea,Tea\nA-2,Coffee,bad,tea,Tea\n',
    },
    action: 'offers.import',
    entity: 'campaign',
    check: (e, before, after) => {
      const offers = (s: Snapshot) => count(s, 'offers', (r) => String(r.campaignId) === e.entityId);
      return offers(before) === 0 &&
        offers(after) === 1 &&
        field(e.after, 'added') === 1 &&
        field(e.after, 'issues') === 1
        ? undefined
        : `offers ${offers(before)}→${offers(after)}, entry ${JSON.stringify(e.after)}`;
    },
  },
  'POST /api/admin/campaigns/{id}/draw/exclusions': {
    prepare: async (w) => {
      const id = await w.drawCampaign();
      const res = await ok(w, 'GET', `/api/admin/campaigns/${id}/draw/entrants`);
      const { entrants } = (await res.json()) as { entrants: { participantId: number }[] };
      return { params: { id }, body: { participantId: entrants[0]?.participantId ?? 0, reason: 'Bought account' } };
    },
    action: 'draw.exclude',
    entity: 'participant',
    check: (e, before, after) => {
      const excluded = (s: Snapshot) => count(s, 'draw_exclusions', (r) => String(r.participantId) === e.entityId);
      return excluded(before) === 0 && excluded(after) === 1 && field(e.after, 'reason') === 'Bought account'
        ? undefined
        : `exclusions ${excluded(before)}→${excluded(after)}, entry ${JSON.stringify(e.after)}`;
    },
  },
  'DELETE /api/admin/campaigns/{id}/draw/exclusions/{participantId}': {
    prepare: async (w) => {
      const id = await w.drawCampaign();
      const res = await ok(w, 'GET', `/api/admin/campaigns/${id}/draw/entrants`);
      const { entrants } = (await res.json()) as { entrants: { participantId: number }[] };
      const participantId = entrants[0]?.participantId ?? 0;
      await ok(w, 'POST', `/api/admin/campaigns/${id}/draw/exclusions`, { participantId, reason: 'Bought account' });
      return { params: { id, participantId } };
    },
    action: 'draw.include',
    entity: 'participant',
    check: (e, before, after) => {
      const excluded = (s: Snapshot) => count(s, 'draw_exclusions', (r) => String(r.participantId) === e.entityId);
      return excluded(before) === 1 && excluded(after) === 0 && field(e.before, 'reason') === 'Bought account'
        ? undefined
        : `exclusions ${excluded(before)}→${excluded(after)}, entry ${JSON.stringify(e.before)}`;
    },
    invalid: { params: { id: 1, participantId: 'x' } },
  },

  // Campaigns: the editor, lifecycle, beta.
  'POST /api/admin/campaigns': {
    prepare: async (w) => ({ body: { brandId: w.brandId, templateKey: 'tasks-reward' } }),
    action: 'campaign.create',
    entity: 'campaign',
    check: campaignCheck,
  },
  'PUT /api/admin/campaigns/{id}': {
    prepare: async (w) => {
      const { campaignId } = await createdCampaign(w);
      const res = await ok(w, 'GET', `/api/admin/campaigns/${campaignId}`);
      const { document } = (await res.json()) as { document: Record<string, unknown> };
      return { params: { id: campaignId }, body: { ...document, title: { ru: 'Новое', en: 'New' } } };
    },
    action: 'campaign.update',
    entity: 'campaign',
    check: campaignCheck,
  },
  'POST /api/admin/campaigns/{id}/preview': {
    noAudit: 'renders the participant screens from an unsaved draft; writes nothing',
    prepare: async (w) => {
      const { campaignId } = await createdCampaign(w);
      const res = await ok(w, 'GET', `/api/admin/campaigns/${campaignId}`);
      return { params: { id: campaignId }, body: ((await res.json()) as { document: unknown }).document };
    },
  },
  'POST /api/admin/campaigns/{id}/status': {
    prepare: async (w) => ({ params: { id: await w.campaign({ status: 'live' }) } }),
    body: { to: 'paused' },
    action: 'campaign.paused',
    // The route's own section: the log files every status change under `launch` (decision 117).
    entity: 'campaign',
    table: 'campaigns',
  },
  'POST /api/admin/campaigns/{id}/duplicate': {
    prepare: async (w) => ({ params: { id: (await createdCampaign(w)).campaignId } }),
    // Its body, a clientKey, is optional: an empty one is a copy; a key out of shape is what it refuses.
    invalid: { body: { clientKey: 'short' } },
    action: 'campaign.duplicate',
    entity: 'campaign',
    check: campaignCheck,
  },
  'POST /api/admin/campaigns/{id}/testers': {
    prepare: async (w) => ({ params: { id: await draft(w) } }),
    body: { vkUserId: 70_001 },
    action: 'beta.tester_add',
    entity: 'campaign',
    check: betaCheck('beta_testers', true),
    invalid: { body: { vkUserId: 'x' } },
  },
  'DELETE /api/admin/campaigns/{id}/testers/{testerId}': {
    prepare: async (w) => {
      const id = await draft(w);
      await ok(w, 'POST', `/api/admin/campaigns/${id}/testers`, { vkUserId: 70_002 });
      return { params: { id, testerId: await lastId(w, schema.betaTesters) } };
    },
    action: 'beta.tester_remove',
    entity: 'campaign',
    check: betaCheck('beta_testers', false),
  },
  'POST /api/admin/campaigns/{id}/tester-link': {
    prepare: async (w) => ({ params: { id: await draft(w) } }),
    action: 'beta.link_create',
    entity: 'campaign',
    check: betaCheck('beta_links', true),
  },
  'DELETE /api/admin/campaigns/{id}/tester-link': {
    prepare: async (w) => {
      const id = await draft(w);
      await ok(w, 'POST', `/api/admin/campaigns/${id}/tester-link`);
      return { params: { id } };
    },
    action: 'beta.link_revoke',
    entity: 'campaign',
    check: betaCheck('beta_links', false),
  },

  // Mailings.
  'POST /api/admin/mailing/campaigns/{id}/rules': {
    body: RULE,
    action: 'rule.create',
    entity: 'rule',
    table: 'message_rules',
  },
  'PUT /api/admin/mailing/campaigns/{id}/rules/{ruleId}': {
    prepare: async (w) => {
      const params = await rule(w);
      const [row] = await w.deps.db.select().from(schema.messageRules).where(eq(schema.messageRules.id, params.ruleId));
      // An edit names the copy it was made on (server/office/one-save-per-copy.ts).
      return { params, body: { ...RULE, name: 'Nudge again', minHours: 48, savedAt: row?.updatedAt } };
    },
    action: 'rule.update',
    entity: 'rule',
    table: 'message_rules',
  },
  'PATCH /api/admin/mailing/campaigns/{id}/rules/{ruleId}': {
    prepare: async (w) => ({ params: await rule(w) }),
    body: { active: false },
    action: 'rule.disable',
    entity: 'rule',
    table: 'message_rules',
  },
  'POST /api/admin/mailing/campaigns/{id}/rules/{ruleId}/dry-run': {
    noAudit: 'counts who a rule would select now; enqueues and writes nothing',
    prepare: async (w) => ({ params: await rule(w) }),
  },
  'POST /api/admin/mailing/campaigns/{id}/broadcasts/preview': {
    noAudit: 'counts a segment; writes nothing',
    body: { segment: {}, channel: 'message' },
  },
  'POST /api/admin/mailing/campaigns/{id}/broadcasts': {
    body: { name: 'News', segment: {}, channel: 'message', text: 'Hello', scheduledAt: Date.UTC(2030, 0, 1) },
    action: 'broadcast.create',
    entity: 'broadcast',
    table: 'broadcasts',
  },
  'DELETE /api/admin/mailing/campaigns/{id}/broadcasts/{broadcastId}': {
    prepare: async (w) => {
      const id = w.tenants.own.campaignId;
      await ok(w, 'POST', `/api/admin/mailing/campaigns/${id}/broadcasts`, {
        name: 'Later',
        segment: {},
        channel: 'message',
        text: 'Hello',
        scheduledAt: Date.UTC(2030, 0, 1),
      });
      return { params: { id, broadcastId: await lastId(w, schema.broadcasts) } };
    },
    action: 'broadcast.cancel',
    entity: 'broadcast',
    table: 'broadcasts',
  },
  'PUT /api/admin/mailing/campaigns/{id}/frequency-cap': {
    body: { capCount: 3, capHours: 24 },
    action: 'frequency_cap.set',
    entity: 'community',
    // No settings row yet: the entry's before is the default cap, its after the row written.
    check: (e, _before, after) => {
      const row = (after.get('messaging_settings') ?? []).find((r) => String(r.vkGroupId) === e.entityId);
      return row && field(e.after, 'capCount') === row.capCount && field(e.after, 'capHours') === row.capHours
        ? undefined
        : `cap ${JSON.stringify(e.after)} ≠ row ${JSON.stringify(row)}`;
    },
  },
  'POST /api/admin/mailing/campaigns/{id}/tags': {
    prepare: async (w) => ({ body: { tag: 'vip', add: [(await participant(w)).id] } }),
    action: 'tag.change',
    entity: 'tag',
    check: (e, before, after) => {
      const tagged = (s: Snapshot) => count(s, 'participant_tags', (r) => r.tag === 'vip');
      return tagged(after) === tagged(before) + 1 && e.after != null
        ? undefined
        : 'participant_tags did not gain the tag';
    },
  },

  // Support: the campaign-level routes and the brand inbox and library.
  'PATCH /api/admin/support/campaigns/{id}/tickets/{ticketId}': {
    prepare: async (w) => {
      const t = await ticket(w);
      return { params: { id: t.campaignId, ticketId: t.ticketId } };
    },
    body: { status: 'resolved' },
    action: 'ticket.status',
    entity: 'ticket',
    table: 'tickets',
  },
  'PATCH /api/admin/support/brands/{brandId}/tickets/{ticketId}': {
    prepare: async (w) => ({ params: { ticketId: (await ticket(w)).ticketId } }),
    body: { status: 'resolved' },
    action: 'ticket.status',
    entity: 'ticket',
    table: 'tickets',
    invalid: { body: { status: 'gone' } },
  },
  'POST /api/admin/support/brands/{brandId}/tickets/{ticketId}/replies': {
    prepare: async (w) => ({ params: { ticketId: (await ticket(w)).ticketId } }),
    body: { body: 'We are on it', clientKey: 'audit-case-1' },
    action: 'ticket.reply',
    entity: 'ticket',
    table: 'tickets',
  },
  'POST /api/admin/support/brands/{brandId}/canned': {
    body: CANNED,
    action: 'canned.create',
    entity: 'canned_answer',
    table: 'canned_answers',
  },
  'PUT /api/admin/support/brands/{brandId}/canned/{itemId}': {
    prepare: async (w) => {
      const made = (await (await ok(w, 'POST', `/api/admin/support/brands/${w.brandId}/canned`, CANNED)).json()) as {
        id: number;
        updatedAt: number;
      };
      // An edit names the copy it was made on (server/office/one-save-per-copy.ts).
      return { params: { itemId: made.id }, body: { ...{ ...CANNED, title: 'Thank you' }, savedAt: made.updatedAt } };
    },
    action: 'canned.update',
    entity: 'canned_answer',
    table: 'canned_answers',
  },
  'DELETE /api/admin/support/brands/{brandId}/canned/{itemId}': {
    prepare: async (w) => {
      await ok(w, 'POST', `/api/admin/support/brands/${w.brandId}/canned`, CANNED);
      return { params: { itemId: await lastId(w, schema.cannedAnswers) } };
    },
    action: 'canned.delete',
    entity: 'canned_answer',
    table: 'canned_answers',
  },
  'POST /api/admin/support/brands/{brandId}/articles': {
    body: ARTICLE,
    action: 'kb_article.create',
    entity: 'kb_article',
    table: 'kb_articles',
  },
  'PUT /api/admin/support/brands/{brandId}/articles/{itemId}': {
    prepare: async (w) => {
      const made = (await (await ok(w, 'POST', `/api/admin/support/brands/${w.brandId}/articles`, ARTICLE)).json()) as {
        id: number;
        updatedAt: number;
      };
      // An edit names the copy it was made on (server/office/one-save-per-copy.ts).
      return {
        params: { itemId: made.id },
        body: { ...{ ...ARTICLE, titleRu: 'Коды и призы' }, savedAt: made.updatedAt },
      };
    },
    action: 'kb_article.update',
    entity: 'kb_article',
    table: 'kb_articles',
  },
  'DELETE /api/admin/support/brands/{brandId}/articles/{itemId}': {
    prepare: async (w) => {
      await ok(w, 'POST', `/api/admin/support/brands/${w.brandId}/articles`, ARTICLE);
      return { params: { itemId: await lastId(w, schema.kbArticles) } };
    },
    action: 'kb_article.delete',
    entity: 'kb_article',
    table: 'kb_articles',
  },
  'PUT /api/admin/support/brands/{brandId}/articles-order': {
    prepare: async (w) => {
      await ok(w, 'POST', `/api/admin/support/brands/${w.brandId}/articles`, ARTICLE);
      await ok(w, 'POST', `/api/admin/support/brands/${w.brandId}/articles`, { ...ARTICLE, titleRu: 'Призы' });
      const rows = await w.deps.db
        .select({ id: schema.kbArticles.id })
        .from(schema.kbArticles)
        .where(eq(schema.kbArticles.brandId, w.brandId));
      return { body: { ids: rows.map((r) => r.id).reverse() } };
    },
    action: 'kb_article.reorder',
    entity: 'kb_article_order',
    // The entry holds the brand's article ids in order, before and after: as the rows' positions say.
    check: (entry, before, after) => {
      const order = (s: Snapshot) =>
        (s.get('kb_articles') ?? [])
          .filter((a) => a.brandId === Number(entry.entityId))
          .sort((x, y) => Number(x.position) - Number(y.position) || Number(x.id) - Number(y.id))
          .map((a) => a.id);
      const recorded = JSON.stringify([
        (entry.before as { ids?: unknown })?.ids,
        (entry.after as { ids?: unknown })?.ids,
      ]);
      const expected = JSON.stringify([order(before), order(after)]);
      return recorded === expected ? undefined : `order ${recorded} ≠ rows ${expected}`;
    },
  },

  // Agency.
  'POST /api/admin/agency/brands': {
    prepare: async (w) => ({ body: { agencyId: w.agencyId, name: 'New brand' }, brandId: null }),
    action: 'brand.create',
    entity: 'brand',
    table: 'brands',
  },
  'PATCH /api/admin/agency/brands/{brandId}': {
    prepare: async (w) => {
      const b = await brand(w);
      return { params: b, brandId: b.brandId };
    },
    body: { name: 'Renamed', savedAt: 0 },
    action: 'brand.rename',
    entity: 'brand',
    table: 'brands',
  },
  'POST /api/admin/agency/brands/{brandId}/switch-off': {
    prepare: async (w) => {
      const b = await brand(w);
      return { params: b, brandId: b.brandId };
    },
    action: 'brand.switch_off',
    entity: 'brand',
    table: 'brands',
    invalid: { params: { brandId: 'x' } },
  },
  'POST /api/admin/agency/brands/{brandId}/switch-on': {
    prepare: async (w) => {
      const b = await brand(w);
      await ok(w, 'POST', `/api/admin/agency/brands/${b.brandId}/switch-off`);
      return { params: b, brandId: b.brandId };
    },
    action: 'brand.switch_on',
    entity: 'brand',
    table: 'brands',
    invalid: { params: { brandId: 'x' } },
  },
  'POST /api/admin/agency/brands/{brandId}/communities': {
    prepare: async (w) => {
      const b = await brand(w);
      return { params: b, brandId: b.brandId };
    },
    body: { vkGroupId: 400_001, name: 'Case community', token: TOKEN },
    action: 'community.connect',
    entity: 'community',
    table: 'communities',
  },
  'PATCH /api/admin/agency/brands/{brandId}/communities/{communityId}': {
    prepare: async (w) => {
      const b = await brand(w);
      await ok(w, 'POST', `/api/admin/agency/brands/${b.brandId}/communities`, { vkGroupId: 400_002, name: 'C' });
      return { params: { ...b, communityId: await lastId(w, schema.communities) }, brandId: b.brandId };
    },
    body: { name: 'Renamed community', token: TOKEN, savedAt: 0 },
    action: 'community.replace_token',
    entity: 'community',
    table: 'communities',
    invalid: { body: { token: 'short' } },
  },
  'POST /api/admin/agency/brands/{brandId}/apps': {
    prepare: async (w) => {
      const b = await brand(w);
      return { params: b, brandId: b.brandId };
    },
    body: { name: 'Case app', vkAppId: 8_000_001, vkSecret: TOKEN },
    action: 'app.connect',
    entity: 'app',
    table: 'apps',
  },
  'PATCH /api/admin/agency/brands/{brandId}/apps/{appId}': {
    prepare: async (w) => {
      const b = await brand(w);
      await ok(w, 'POST', `/api/admin/agency/brands/${b.brandId}/apps`, { name: 'A', vkAppId: 8_000_002 });
      return { params: { ...b, appId: await lastId(w, schema.apps) }, brandId: b.brandId };
    },
    body: { name: 'Renamed app', vkServiceToken: TOKEN, savedAt: 0 },
    action: 'app.replace_token',
    entity: 'app',
    table: 'apps',
    invalid: { body: { vkSecret: 'short' } },
  },
  'PATCH /api/admin/agency/settings': {
    prepare: async (w) => {
      const url = `/api/admin/agency/settings?agencyId=${w.agencyId}`;
      const { updatedAt } = (await (await ok(w, 'GET', url)).json()) as { updatedAt: number };
      return { body: { agencyId: w.agencyId, name: 'Agency renamed', savedAt: updatedAt }, brandId: null };
    },
    action: 'agency.update_settings',
    entity: 'agency',
    table: 'agencies',
  },
  'PUT /api/admin/team/agency/{id}/community-claim': {
    prepare: async (w) => ({ params: { id: w.agencyId }, brandId: null }),
    body: { allow: true },
    action: 'agency.community_claim',
    entity: 'agency',
    table: 'agencies',
  },

  // Team.
  'POST /api/admin/team/members': {
    prepare: async (w) => ({
      body: { brandId: w.brandId, vkUserId: 70_100, role: 'brand_member', sections: ['mailings'] },
    }),
    action: 'member.add',
    entity: 'membership',
    table: 'memberships',
  },
  'PATCH /api/admin/team/members/{id}': {
    prepare: async (w) => {
      const body = { brandId: w.brandId, vkUserId: 70_101, role: 'brand_member', sections: ['mailings'] };
      await ok(w, 'POST', '/api/admin/team/members', body);
      return { params: { id: await lastId(w, schema.memberships) } };
    },
    body: { sections: ['mailings', 'stats'] },
    action: 'member.update',
    entity: 'membership',
    table: 'memberships',
    invalid: { body: { sections: ['billing'] } },
  },
  'DELETE /api/admin/team/members/{id}': {
    prepare: async (w) => {
      const body = { brandId: w.brandId, vkUserId: 70_102, role: 'brand_member', sections: ['mailings'] };
      await ok(w, 'POST', '/api/admin/team/members', body);
      return { params: { id: await lastId(w, schema.memberships) } };
    },
    action: 'member.remove',
    entity: 'membership',
    table: 'memberships',
  },
  'DELETE /api/admin/team/members/{id}/brands': {
    // An agency manager taken out of the agency's brands in one operation: one entry, their manager row gone.
    prepare: async (w) => {
      const body = { brandId: null, agencyId: w.agencyId, vkUserId: 70_104, role: 'agency_manager', sections: [] };
      await ok(w, 'POST', '/api/admin/team/members', body);
      return { params: { id: await lastId(w, schema.memberships) }, brandId: null };
    },
    action: 'member.remove',
    entity: 'membership',
    table: 'memberships',
  },
  'PUT /api/admin/team/members/{id}/brands': {
    // An agency-wide manager narrowed to one brand: their rows are swapped, so the entry is checked by person.
    prepare: async (w) => {
      const body = { brandId: null, agencyId: w.agencyId, vkUserId: 70_103, role: 'agency_manager', sections: [] };
      await ok(w, 'POST', '/api/admin/team/members', body);
      return { params: { id: await lastId(w, schema.memberships) }, body: { brandIds: [w.brandId] }, brandId: null };
    },
    action: 'member.update',
    entity: 'membership',
    check: (entry, before, after) => {
      const rows = (s: Snapshot) =>
        (s.get('memberships') ?? [])
          .filter((m) => m.platformUserId === '70103' && m.role === 'agency_manager')
          .map((m) => m.brandId);
      const was = rows(before);
      const is = rows(after);
      // Field by field: PostgreSQL's jsonb keeps its own key order.
      const coverage = (v: unknown) => {
        const o = (v ?? {}) as Record<string, unknown>;
        return JSON.stringify([o.platform, o.userId, o.brands]);
      };
      const recorded = `${coverage(entry.before)} → ${coverage(entry.after)}`;
      const expected = `${coverage({ platform: 'vk', userId: '70103', brands: was.includes(null) ? 'all' : was })} → ${coverage({ platform: 'vk', userId: '70103', brands: is.includes(null) ? 'all' : is })}`;
      return recorded === expected ? undefined : `coverage ${recorded} ≠ rows ${expected}`;
    },
    invalid: { body: { brandIds: [] } },
  },
  'POST /api/admin/team/invitations': {
    prepare: async (w) => ({ body: { brandId: w.brandId, role: 'brand_member', sections: ['mailings'] } }),
    action: 'invitation.create',
    entity: 'invitation',
    table: 'invitations',
  },
  'DELETE /api/admin/team/invitations/{id}': {
    prepare: async (w) => {
      await ok(w, 'POST', '/api/admin/team/invitations', {
        brandId: w.brandId,
        role: 'brand_member',
        sections: ['mailings'],
      });
      return { params: { id: await lastId(w, schema.invitations) } };
    },
    action: 'invitation.revoke',
    entity: 'invitation',
    table: 'invitations',
  },
  // Stats download links (issue 16, p5): a signed URL is computed; nothing is stored.
  ...Object.fromEntries(
    STATS_MEASURES.flatMap((m) =>
      ['campaigns/{id}', 'brands/{brandId}'].map((scope) => [
        `POST /api/admin/stats/${scope}/${m}/download-link`,
        { noAudit: 'signs a one-minute download link for a CSV the member may read; stores nothing' },
      ]),
    ),
  ),
  // The other office CSVs' links (server/office-downloads/): the same, one per kind.
  'POST /api/admin/campaigns/{id}/leads.csv/download-link': {
    noAudit: 'signs a one-minute download link for the leads CSV; stores nothing',
  },
  'POST /api/admin/campaigns/{id}/draw/winners.csv/download-link': {
    noAudit: 'signs a one-minute download link for the draw picks CSV; stores nothing',
  },
  'POST /api/admin/funnel/campaigns/{id}/stuck/download-link': {
    noAudit: 'signs a one-minute download link for the stuck CSV; stores nothing',
    body: { stage: 'opened', minHours: 24, limit: 100 },
  },
};

async function createdCampaign(w: AuditWorld) {
  await ok(w, 'POST', '/api/admin/campaigns', { brandId: w.brandId, templateKey: 'tasks-reward' });
  return { campaignId: await lastId(w, schema.campaigns) };
}
