/** The participant's support calls: the campaign FAQ, their tickets with the server's unread flag, threads, replies. */
import type { z } from 'zod';
import type { ThreadSchema, TicketSchema } from '../../server/support/support.schemas.ts';

export type Ticket = z.infer<typeof TicketSchema> & { unread?: boolean };
export type TicketThread = z.infer<typeof ThreadSchema>;
export interface HelpArticle {
  id: number;
  title: string;
  body: string;
}
export interface FaqItem {
  q: string;
  a: string;
}

type Request = <T>(method: string, path: string, body?: unknown) => Promise<T>;

export function supportApi(request: Request) {
  return {
    faq: async (campaignId: number) =>
      (await request<{ faq: FaqItem[] }>('GET', `/api/support/campaigns/${campaignId}/faq`)).faq,
    articles: async (campaignId: number) =>
      (await request<{ articles: HelpArticle[] }>('GET', `/api/support/campaigns/${campaignId}/articles`)).articles,
    articleViewed: (articleId: number) => request<void>('POST', `/api/support/articles/${articleId}/viewed`),
    articleFeedback: (articleId: number, helped: boolean) =>
      request<void>('POST', `/api/support/articles/${articleId}/feedback`, { helped }),
    tickets: async () => (await request<{ tickets: Ticket[] }>('GET', '/api/support/tickets')).tickets,
    unreadTickets: async () => (await request<{ unread: number }>('GET', '/api/support/unread')).unread,
    ticket: (ticketId: number) => request<TicketThread>('GET', `/api/support/tickets/${ticketId}`),
    /** `clientKey`: the composed ticket's key, the same on a retry (client-key.ts), so it opens once. */
    openTicket: (input: { campaignId: number; subject: string; body: string; clientKey: string }) =>
      request<TicketThread>('POST', '/api/support/tickets', input),
    replyToTicket: (ticketId: number, body: string, clientKey: string) =>
      request<TicketThread>('POST', `/api/support/tickets/${ticketId}/messages`, { body, clientKey }),
    markTicketSeen: async (ticketId: number, lastMessageId: number) =>
      (await request<{ unread: number }>('POST', `/api/support/tickets/${ticketId}/seen`, { lastMessageId })).unread,
  };
}
