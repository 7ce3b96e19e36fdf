import { describe, expect, it } from 'vitest';
import { ApiRequestError, type CampaignState } from '../../api/client.ts';
import type { useApp } from '../../app-context.ts';
import { fetchState } from './campaign-store.ts';

type Api = ReturnType<typeof useApp>['api'];
const stateIn = (phase: CampaignState['campaign']['phase']) =>
  ({ campaign: { id: 5, phase }, participant: null, tasks: [] }) as unknown as CampaignState;

describe('campaign store', () => {
  it('a campaign that ends between its read and its open is read again: the screen sees it ended, not running and never joined', async () => {
    const reads = [stateIn('running'), stateIn('ended')];
    const api = {
      campaignState: async () => reads.shift() as CampaignState,
      openCampaign: async () => {
        throw new ApiRequestError(409, 'campaign_ended', 'The campaign has ended');
      },
    } as unknown as Api;
    const state = await fetchState(api, 5);
    // The calculator panel waits for "joined or not running": the first read would have kept it loading for ever.
    expect(state.campaign.phase).toBe('ended');
    expect(reads).toHaveLength(0);
  });
});
