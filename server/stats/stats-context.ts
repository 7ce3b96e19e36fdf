/**
 * @module What every measure is computed from: the scope's campaigns, the range, the platform filter, the testers
 * to leave out and the language of content titles, plus the header each response repeats.
 */
import type { ContentLanguage } from '../campaigns/content-language.ts';
import type { Db } from '../db/client.ts';
import type { StatsRange } from './stats.schemas.ts';
import type { StatsScope } from './stats-scope.ts';

export type Platform = 'vk' | 'ok' | 'telegram';

export interface StatsContext {
  db: Db;
  scope: StatsScope;
  range: StatsRange;
  platform?: Platform;
  testers: ReadonlySet<number>;
  now: number;
  /** The language content titles (campaigns, rewards) are given in: the CSV's, else the member's launch language. */
  language: ContentLanguage;
}

export const campaignIdsOf = (ctx: StatsContext) => ctx.scope.campaigns.map((c) => c.id);

export function header(ctx: StatsContext) {
  return {
    scope: { kind: ctx.scope.kind, id: ctx.scope.id },
    range: ctx.range,
    platform: ctx.platform ?? null,
  };
}

/** The same context over another range (the previous period). */
export const withRange = (ctx: StatsContext, range: StatsRange): StatsContext => ({ ...ctx, range });
