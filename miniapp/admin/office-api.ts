/**
 * The office's calls to `/api/admin/...` (campaign catalogue, documents, preview, lifecycle, revisions). Lives in the
 * office chunk only. Shapes follow the office contract (server/office/campaigns/campaign-document.ts).
 */
import type { z } from 'zod';
import type {
  CampaignDocumentSchema,
  PoolDocumentSchema,
  ProblemSchema,
  RewardDocumentSchema,
  TaskDocumentSchema,
} from '../../server/office/campaigns/campaign-document.ts';
import type {
  CampaignListItemSchema,
  PreviewSchema,
  RevisionSchema,
  TemplateCardSchema,
} from '../../server/office/campaigns/office-campaign.schemas.ts';
import type { ApiClient } from '../api/client.ts';

export type CampaignDocument = z.infer<typeof CampaignDocumentSchema>;
export type DocumentTask = z.infer<typeof TaskDocumentSchema>;
export type DocumentReward = z.infer<typeof RewardDocumentSchema>;
export type DocumentPool = z.infer<typeof PoolDocumentSchema>;
export type Problem = z.infer<typeof ProblemSchema>;
export type Localized = CampaignDocument['title'];
export type CampaignStatus = CampaignDocument['status'];
export type Mechanic = CampaignDocument['mechanic'];
export type CampaignSettings = CampaignDocument['settings'];
export type QuizSettings = NonNullable<CampaignSettings['quiz']>;
export type WheelSettings = NonNullable<CampaignSettings['wheel']>;
/** A text inside settings: plain (read as Russian) or per language. */
export type LocalizedSetting = QuizSettings['questions'][number]['text'];

export type Preview = z.infer<typeof PreviewSchema>;
export type Template = z.infer<typeof TemplateCardSchema>;
export type CampaignListItem = z.infer<typeof CampaignListItemSchema>;
export type RevisionItem = z.infer<typeof RevisionSchema>;

/** What the office opens for this person: its home is the participant side, which asks it first. */
export type { Office } from '../office-access.ts';

/** The document as read or saved, its problems, and what «Запустить сейчас» says after its question (decision 110). */
export type Edited = { document: CampaignDocument; problems: Problem[]; launchNow: Problem[] };

const base = '/api/admin';

/** The office client over the app's authorised `request`. */
export function officeApi(api: Pick<ApiClient, 'request'>) {
  const r = api.request;
  return {
    /** A community admin takes brand admin of their community's brand (server/office/team/community-claim.ts). */
    claimCommunity: () => r<{ membershipId: number; brandId: number }>('POST', '/api/office/community-claim'),
    templates: async () => unwrap<Template[]>(await r('GET', `${base}/templates`), 'templates'),
    campaigns: async (brandId: number) =>
      unwrap<CampaignListItem[]>(await r('GET', `${base}/campaigns?brandId=${brandId}`), 'campaigns'),
    /** `clientKey`: this choice's key, the same on a retry (api/client-key.ts), so one click makes one draft. */
    create: (body: { brandId: number; templateKey: string; clientKey: string }) =>
      r<CampaignDocument>('POST', `${base}/campaigns`, body),
    get: (id: number) => r<Edited>('GET', `${base}/campaigns/${id}`),
    save: (doc: CampaignDocument) => r<Edited>('PUT', `${base}/campaigns/${doc.id}`, doc),
    preview: (doc: CampaignDocument, language?: 'ru' | 'en') =>
      r<Preview>('POST', `${base}/campaigns/${doc.id}/preview${language ? `?language=${language}` : ''}`, doc),
    /** Changes the status, then reads the document back with its problems (the change answers the document only). */
    setStatus: async (id: number, to: CampaignStatus) => {
      await r<CampaignDocument>('POST', `${base}/campaigns/${id}/status`, { to });
      return r<Edited>('GET', `${base}/campaigns/${id}`);
    },
    duplicate: (id: number, clientKey: string) =>
      r<CampaignDocument>('POST', `${base}/campaigns/${id}/duplicate`, { clientKey }),
    revisions: async (id: number) =>
      unwrap<RevisionItem[]>(await r('GET', `${base}/campaigns/${id}/revisions`), 'revisions'),
    revision: (id: number, n: number) => r<CampaignDocument>('GET', `${base}/campaigns/${id}/revisions/${n}`),
  };
}
export type OfficeApi = ReturnType<typeof officeApi>;

/** Lists may come bare or wrapped in an object under their name. */
function unwrap<T>(body: unknown, key: string): T {
  return (Array.isArray(body) ? body : (body as Record<string, unknown>)[key]) as T;
}
