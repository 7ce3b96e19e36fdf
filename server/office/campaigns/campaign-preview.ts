/**
 * @module The editor's live preview: the answers the participant app gets (`GET /api/campaigns/{id}`,
 * `GET /api/campaigns/{id}/state` for someone who has not opened it yet, and the rules), built from an unsaved
 * document by the participant's own projection (server/promo/participation/state.service.ts, rules), so the preview
 * renders the real screens. Nothing is written. Tasks, rewards and pools that already exist (same key) keep their
 * ids, so stock and sold-out are the real ones; new ones get negative ids that match no row (no codes yet).
 * A template has no campaign yet: its rewards carry no pool, so the catalogue shows them as they will be once
 * codes are loaded rather than as sold out.
 */
import { eq } from 'drizzle-orm';
import type { Identity } from '../../auth/identity.ts';
import { type CampaignRow, publicCampaign } from '../../campaigns/campaign.service.ts';
import type { ContentLanguage } from '../../campaigns/content-language.ts';
import { type Db, schema } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { type CampaignRows, stateOf } from '../../promo/participation/state.service.ts';
import type { RewardRow } from '../../promo/rewards/issue-reward.ts';
import { campaignRules } from '../../promo/rules/campaign-rules.ts';
import type { TaskRow } from '../../promo/tasks/task-records.ts';
import type { CampaignContent } from './campaign-document.ts';
import { campaignColumns, rewardColumns, taskColumns } from './campaign-store.ts';

export interface PreviewOptions {
  platform: Identity['platform'];
  language: ContentLanguage;
  now: number;
}

/** The base a preview builds on: the stored campaign, or a template's stand-in before any campaign exists. */
export interface PreviewBase {
  campaign: Pick<CampaignRow, 'id' | 'brandId' | 'appId' | 'communityId' | 'createdAt'>;
  /** Stored ids by key; empty for a template. */
  ids: { tasks: Map<string, number>; rewards: Map<string, number>; pools: Map<string, number> } | null;
}

export async function storedIds(db: Db, campaignId: number): Promise<NonNullable<PreviewBase['ids']>> {
  const keyed = (rows: { id: number; key: string }[]) => new Map(rows.map((r) => [r.key, r.id]));
  const of = <T extends typeof schema.tasks | typeof schema.rewards | typeof schema.codePools>(table: T) =>
    db.select({ id: table.id, key: table.key }).from(table).where(eq(table.campaignId, campaignId));
  return {
    tasks: keyed(await of(schema.tasks)),
    rewards: keyed(await of(schema.rewards)),
    pools: keyed(await of(schema.codePools)),
  };
}

/** In-memory rows of the document, shaped as the participant projection reads them from the tables. */
export function rowsOf(base: PreviewBase, content: CampaignContent): CampaignRows {
  const { campaign } = base;
  const idOf = (ids: Map<string, number> | undefined, key: string, i: number) => ids?.get(key) ?? -(i + 1);
  const row: CampaignRow = {
    ...campaign,
    ...campaignColumns(content),
    status: 'live',
    stages: ['opened'],
    updatedAt: campaign.createdAt,
    editVersion: 0,
    clientKey: null,
    createdFrom: null,
  };
  const tasks: TaskRow[] = content.tasks
    .map((t, i) => ({ id: idOf(base.ids?.tasks, t.key, i), campaignId: campaign.id, createdAt: 0, ...taskColumns(t) }))
    .sort((a, b) => a.position - b.position);
  const rewards: RewardRow[] = content.rewards.map((r, i) => {
    const poolId = base.ids && r.poolKey != null ? idOf(base.ids.pools, r.poolKey, 1000 + i) : null;
    return {
      id: idOf(base.ids?.rewards, r.key, i),
      campaignId: campaign.id,
      createdAt: 0,
      ...rewardColumns(r, poolId, i),
    };
  });
  return { campaign: row, tasks, rewards, everyTask: tasks };
}

/**
 * The participant's answers for the document, at a moment inside its schedule so the screens show it running.
 * @example const { campaign, state, rules } = await previewDocument(deps, base, content, { platform: 'vk', language: 'en', now });
 */
export async function previewDocument(
  deps: Pick<Deps, 'db' | 'config'>,
  base: PreviewBase,
  content: CampaignContent,
  opts: PreviewOptions,
) {
  const rows = rowsOf(base, content);
  const at = Math.min(Math.max(opts.now, content.startsAt), Math.max(content.startsAt, content.endsAt - 1));
  // No participant in a preview, so no share link reads the app id.
  const identity = { platform: opts.platform, language: opts.language, appId: String(deps.config.VK_APP_ID) };
  const [brand] = await deps.db
    .select({ name: schema.brands.name })
    .from(schema.brands)
    .where(eq(schema.brands.id, base.campaign.brandId))
    .limit(1);
  return {
    at,
    campaign: publicCampaign(rows.campaign, at, opts.language),
    state: await stateOf(deps, rows, identity, undefined, at),
    rules: {
      legalType: rows.campaign.legalType,
      sections: await campaignRules(deps.db, rows.campaign, brand?.name ?? '', opts.language, rows.rewards),
    },
  };
}
