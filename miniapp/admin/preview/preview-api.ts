/**
 * The participant screens' data source inside the office preview: every read answers from the server's preview
 * projection of the unsaved document (`POST /api/admin/campaigns/{id}/preview`), every write is refused before it
 * leaves the browser, so playing with the preview never writes anything.
 */
import { type ApiClient, ApiRequestError } from '../../api/client.ts';
import type { Preview } from '../office-api.ts';

/** The error a write in the preview ends with (shown by the screen's usual error path). */
export const PREVIEW_WRITE = 'preview_read_only';

export function previewApiClient(preview: Preview, message: string): ApiClient {
  const refuse = (): Promise<never> => Promise.reject(new ApiRequestError(409, PREVIEW_WRITE, message));
  const read = <T>(value: T) => Promise.resolve(structuredClone(value));
  return {
    request: (method, path) => (method === 'GET' && path.endsWith('/unread') ? read({ unread: 0 } as never) : refuse()),
    campaigns: () => read([preview.campaign]),
    campaign: () => read(preview.campaign),
    reportError: () => Promise.resolve(),
    pageHome: () => undefined,
    pageCampaignState: () => undefined,
    // Opening a campaign writes a participant row: the preview answers with the fresh participant's state instead.
    openCampaign: () => read({ created: false, state: preview.state }),
    campaignState: () => read(preview.state),
    startTask: refuse,
    completeTask: refuse,
    submitQuiz: refuse,
    spinWheel: refuse,
    claimReward: refuse,
    prizes: () => read([]),
    rules: () => read(preview.rules),
    rulesViewed: () => Promise.resolve(),
    download: refuse,
    playCode: refuse,
    codePlays: () => read([]),
  };
}
