/** The office's mailing calls (`/api/admin/mailing/campaigns/{id}/…`), typed from the server's schemas (type-only). */
import type { z } from 'zod';
import type {
  BroadcastSchema,
  CapSchema,
  ComposerOptionsSchema,
  ListedBroadcastSchema,
  NewBroadcastSchema,
  NewRuleSchema,
  PreviewSchema,
  RuleSchema,
  RuleSummarySchema,
  SegmentSchema,
  StatsSchema,
} from '../../../server/mailing/mailing.schemas.ts';
import type { ApiClient } from '../../api/client.ts';

export type MailingOptions = z.infer<typeof ComposerOptionsSchema>;
export type Screen = MailingOptions['screens'][number];
export type RuleSummary = z.infer<typeof RuleSummarySchema>;
export type Rule = z.infer<typeof RuleSchema>;
export type NewRule = z.infer<typeof NewRuleSchema>;
export type Broadcast = z.infer<typeof BroadcastSchema>;
export type ListedBroadcast = z.infer<typeof ListedBroadcastSchema>;
export type NewBroadcast = z.infer<typeof NewBroadcastSchema>;
export type Segment = z.infer<typeof SegmentSchema>;
export type AudienceCount = z.infer<typeof PreviewSchema>;
export type MessageStats = z.infer<typeof StatsSchema>;
export type Cap = z.infer<typeof CapSchema>;
export type Channel = NewBroadcast['channel'];
export type Language = 'ru' | 'en';
export const LANGUAGES: readonly Language[] = ['ru', 'en'];

export function mailingApi(api: Pick<ApiClient, 'request'>, campaignId: number) {
  const base = `/api/admin/mailing/campaigns/${campaignId}`;
  const r = api.request;
  return {
    options: () => r<MailingOptions>('GET', `${base}/options`),
    rules: async () => (await r<{ rules: RuleSummary[] }>('GET', `${base}/rule-summaries`)).rules,
    /** `clientKey`: this composed rule's key, the same on a retry (api/client-key.ts), so a double click makes one. */
    createRule: (rule: NewRule, clientKey: string) => r<Rule>('POST', `${base}/rules`, { ...rule, clientKey }),
    /** Saves over the copy the edit was made on (`savedAt`: its `updatedAt`); 409 `saved_meanwhile` if saved since. */
    updateRule: (id: number, rule: NewRule & { savedAt: number }) => r<Rule>('PUT', `${base}/rules/${id}`, rule),
    switchRule: (id: number, active: boolean) => r<Rule>('PATCH', `${base}/rules/${id}`, { active }),
    setCap: (cap: Cap) => r<Cap>('PUT', `${base}/frequency-cap`, cap),
    broadcasts: async () => (await r<{ broadcasts: ListedBroadcast[] }>('GET', `${base}/broadcasts`)).broadcasts,
    broadcast: (id: number) => r<{ broadcast: Broadcast; stats: MessageStats }>('GET', `${base}/broadcasts/${id}`),
    count: (segment: Segment, channel: Channel) =>
      r<AudienceCount>('POST', `${base}/broadcasts/preview`, { segment, channel }),
    dryRun: (b: NewBroadcast) =>
      r<{ dryRun: true; preview: AudienceCount }>('POST', `${base}/broadcasts`, { ...b, dryRun: true }),
    send: (b: NewBroadcast) => r<{ broadcast: Broadcast; enqueued: number }>('POST', `${base}/broadcasts`, b),
    cancel: (id: number) => r<{ broadcast: Broadcast; cancelled: number }>('DELETE', `${base}/broadcasts/${id}`),
  };
}
export type MailingApi = ReturnType<typeof mailingApi>;
