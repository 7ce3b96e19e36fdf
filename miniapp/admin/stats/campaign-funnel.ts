/**
 * A campaign's funnel as the stuck screens need it: its title, its ordered stages and the titles its task stages name.
 * Read from the statistics' funnel measure (section `stats`, the same right as the stuck list), so a member refused
 * one is refused the other.
 */
import type { ApiClient } from '../../api/client.ts';
import { fetchMeasure } from './stats-api.ts';

export interface CampaignFunnel {
  title: string;
  stages: string[];
  taskTitles: Record<string, string>;
}

export async function campaignFunnel(api: Pick<ApiClient, 'request'>, campaignId: number): Promise<CampaignFunnel> {
  const data = await fetchMeasure(api, { kind: 'campaign', id: campaignId }, 'funnel', {});
  const funnel = data.funnels.find((f) => f.campaignId === campaignId);
  return {
    title: funnel?.title ?? '',
    stages: funnel?.stages.map((st) => st.stage) ?? [],
    taskTitles: funnel?.taskTitles ?? {},
  };
}
