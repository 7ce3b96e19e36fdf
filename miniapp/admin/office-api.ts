/**
 * The office's calls to `/api/admin/...` (campaign catalogue, documents, preview, lifecycle, revisions). Lives in the
 * office chunk only. Shapes follow the office contract (server/office/campaigns/campaign-document.ts).
 */
import type { ApiClient, CampaignRules, CampaignState, Campaign as ParticipantCampaign } from '../api/client.ts';

export type Localized = { ru: string; en: string };
export type CampaignStatus = 'draft' | 'scheduled' | 'live' | 'paused' | 'ended' | 'archived';
export type Mechanic = 'tasks' | 'quiz' | 'wheel' | (string & {});
export type LocalizedSetting = string | { ru?: string; en?: string };

export interface DocumentTask {
  key: string;
  kind: string;
  title: Localized;
  description: Localized;
  config: Record<string, unknown>;
  attemptsGranted: number;
  position: number;
}

export interface DocumentReward {
  key: string;
  title: Localized;
  description: Localized;
  howToUse: Localized;
  poolKey: string | null;
  stock: number | null;
  dailyCap: number | null;
  weight: number;
  perUserLimit?: number;
  requiresServerVerified: boolean;
  unlock: { tasks: number | 'all'; of?: string[] } | { quiz: true } | { wheel: true };
}

export interface DocumentPool {
  key: string;
  name: string;
  purpose: string;
  lowStockThreshold: number;
  total: number;
  free: number;
}

export interface QuizQuestionSetting {
  id: string;
  text: LocalizedSetting;
  multiple?: boolean;
  options: { id: string; text: LocalizedSetting }[];
  correct: string[];
  points?: number;
}

export interface CampaignSettings {
  quiz?: {
    questions: QuizQuestionSetting[];
    bands: { key: string; minScore: number; title: LocalizedSetting; text?: LocalizedSetting; rewardKey?: string }[];
  };
  wheel?: {
    dailyFreeAttempts?: number;
    dailyAttemptLimit?: number;
    resetHour?: number;
    loseWeight?: number;
    loseLabel?: LocalizedSetting;
  };
  organizer?: LocalizedSetting;
  [key: string]: unknown;
}

export interface CampaignDocument {
  id: number;
  brandId: number;
  appId: number;
  communityId: number | null;
  status: CampaignStatus;
  revision: number;
  slug: string;
  mechanic: Mechanic;
  legalType: string;
  title: Localized;
  description: Localized;
  rulesText: Localized;
  startsAt: number;
  endsAt: number;
  timeZone: string;
  theme: { accent?: string; coverUrl?: string };
  settings: CampaignSettings;
  tasks: DocumentTask[];
  rewards: DocumentReward[];
  pools: DocumentPool[];
}

export interface Problem {
  path: string;
  code: string;
  severity: 'error' | 'warning';
  params?: Record<string, unknown>;
}

export interface Preview {
  campaign: ParticipantCampaign;
  state: CampaignState;
  rules: CampaignRules;
}

export interface Template {
  key: string;
  mechanic: Mechanic;
  legalType: string;
  title: Localized;
  purpose: Localized;
  preview: Preview;
}

export interface CampaignListItem {
  id: number;
  title: string;
  status: CampaignStatus;
  phase: string;
  mechanic: Mechanic;
  startsAt: number;
  endsAt: number;
  timeZone?: string;
  revision: number;
  stock: { poolKey: string; free: number; total: number; low: boolean }[];
}

export interface RevisionItem {
  revision: number;
  publishedAt: number;
  publishedBy?: number | null;
}

export interface Office {
  brands: { id: number; name: string; sections: string[] }[];
}

export type Edited = { document: CampaignDocument; problems: Problem[] };

const base = '/api/admin';

/** The office client over the app's authorised `request`. */
export function officeApi(api: Pick<ApiClient, 'request'>) {
  const r = api.request;
  return {
    office: () => r<Office>('GET', `${base}/office`),
    templates: async () => unwrap<Template[]>(await r('GET', `${base}/templates`), 'templates'),
    campaigns: async (brandId: number) =>
      unwrap<CampaignListItem[]>(await r('GET', `${base}/campaigns?brandId=${brandId}`), 'campaigns'),
    create: (body: { brandId: number; templateKey: string }) => r<CampaignDocument>('POST', `${base}/campaigns`, body),
    get: (id: number) => r<Edited>('GET', `${base}/campaigns/${id}`),
    save: (doc: CampaignDocument) => r<Edited>('PUT', `${base}/campaigns/${doc.id}`, doc),
    preview: (doc: CampaignDocument) => r<Preview>('POST', `${base}/campaigns/${doc.id}/preview`, doc),
    setStatus: (id: number, to: CampaignStatus) => r<Edited>('POST', `${base}/campaigns/${id}/status`, { to }),
    duplicate: (id: number) => r<CampaignDocument>('POST', `${base}/campaigns/${id}/duplicate`),
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
