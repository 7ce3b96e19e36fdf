/** The office's support calls (`/api/admin/support/brands/{brandId}/…`). Office chunk only. */
import type { ApiClient } from '../../api/client.ts';

export const TICKET_STATUSES = ['new', 'waiting_on_us', 'waiting_on_user', 'resolved'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export interface InboxTicket {
  id: number;
  campaignId: number | null;
  subject: string;
  status: TicketStatus;
  source: 'miniapp' | 'bot';
  platform: string;
  platformUserId: string;
  /** Where the participant's profile opens (VK only), from the server's one home for it. */
  profileUrl: string | null;
  assigneeMembershipId: number | null;
  slaAgeMs: number | null;
  updatedAt: number;
}
export interface Progress {
  campaignTitle: string;
  stage: string;
  /** The titles of the tasks `task:<key>` stages name, in the office's language (stage-label.ts). */
  taskTitles: Record<string, string>;
  /** The participant's language: canned answers insert their text in it. */
  language: 'ru' | 'en';
  tasks: { key: string; title: string; status: string }[];
  rewards: { title: string; code: string | null; source: string; issuedAt: number }[];
}
export interface InboxThread {
  ticket: InboxTicket;
  messages: { id: number; author: 'user' | 'agent'; body: string; createdAt: number }[];
  progress: Progress | null;
  delivery?: 'bot' | 'miniapp';
}
export interface CannedFields {
  title: string;
  bodyRu: string;
  bodyEn: string | null;
  position: number;
}
/** When an item was last saved (ms): an edit sends it back as `savedAt` (server/office/one-save-per-copy.ts). */
export type Canned = CannedFields & { id: number; updatedAt: number };
export interface ArticleFields {
  campaignId: number | null;
  titleRu: string;
  bodyRu: string;
  titleEn: string | null;
  bodyEn: string | null;
  published: boolean;
}
/** `position` orders the help screen; the office changes it only by ordering the whole list (`orderArticles`). */
export type Article = ArticleFields & { id: number; updatedAt: number; position: number };
export interface Agent {
  membershipId: number;
  platform: string;
  userId: string;
  profileUrl: string | null;
  role: string;
}
export interface Ranked {
  articleId: number;
  title: string;
  views: number;
  helped: number;
  deflected: number;
}

export function supportOfficeApi(api: Pick<ApiClient, 'request'>, brandId: number) {
  const r = api.request;
  const base = `/api/admin/support/brands/${brandId}`;
  return {
    /** `campaignId`: one campaign's requests only. */
    tickets: async (query: { status?: string; q?: string; campaignId?: number }) => {
      const params = new URLSearchParams(
        Object.entries(query).flatMap(([k, v]) => (v ? [[k, String(v)] as [string, string]] : [])),
      );
      return (await r<{ tickets: InboxTicket[] }>('GET', `${base}/tickets?${params}`)).tickets;
    },
    thread: (ticketId: number) => r<InboxThread>('GET', `${base}/tickets/${ticketId}`),
    reply: (ticketId: number, body: string, clientKey: string) =>
      r<InboxThread>('POST', `${base}/tickets/${ticketId}/replies`, { body, clientKey }),
    update: (ticketId: number, change: { status?: TicketStatus; assigneeMembershipId?: number | null }) =>
      r<InboxThread>('PATCH', `${base}/tickets/${ticketId}`, change),
    agents: async () => (await r<{ agents: Agent[] }>('GET', `${base}/agents`)).agents,
    canned: async () => (await r<{ canned: Canned[] }>('GET', `${base}/canned`)).canned,
    /**
     * Adds (`clientKey`: this answer's key, the same on a retry, so a double click adds one), or edits the copy
     * `editing` (refused as `saved_meanwhile` if someone saved it since).
     */
    saveCanned: (c: CannedFields, editing: Canned | undefined, clientKey: string) =>
      editing
        ? r<Canned>('PUT', `${base}/canned/${editing.id}`, { ...c, savedAt: editing.updatedAt })
        : r<Canned>('POST', `${base}/canned`, { ...c, clientKey }),
    deleteCanned: (id: number) => r<void>('DELETE', `${base}/canned/${id}`),
    articles: async () => (await r<{ articles: Article[] }>('GET', `${base}/articles`)).articles,
    /**
     * Adds (`clientKey`: this article's key, the same on a retry, so a double click adds one), or edits the copy
     * `editing` (refused as `saved_meanwhile` if someone saved it since).
     */
    saveArticle: (a: ArticleFields, editing: Article | undefined, clientKey: string) =>
      editing
        ? r<Article>('PUT', `${base}/articles/${editing.id}`, { ...a, savedAt: editing.updatedAt })
        : r<Article>('POST', `${base}/articles`, { ...a, clientKey }),
    deleteArticle: (id: number) => r<void>('DELETE', `${base}/articles/${id}`),
    /** Every article of the brand once, in the order the help screen shows them (refused as `list_changed`). */
    orderArticles: async (ids: number[]) =>
      (await r<{ articles: Article[] }>('PUT', `${base}/articles-order`, { ids })).articles,
    ranking: async () => (await r<{ articles: Ranked[] }>('GET', `${base}/articles-ranking`)).articles,
  };
}
export type SupportOfficeApi = ReturnType<typeof supportOfficeApi>;

/** A fresh key per composed reply: a retried send of the same reply is recognised by the server. */
