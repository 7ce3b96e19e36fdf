/**
 * The typed client of the server. Response types come from the server's own zod schemas (type-only
 * imports, erased from the bundle), and every request carries the launch data in `Authorization`.
 */
import type { z } from 'zod';
import type { CampaignSchema } from '../../server/campaigns/campaign.routes.ts';
import { takeFirstScreenResponse, takeReadyFirstScreen } from './first-screen.ts';
import type { CampaignState, PromoApi } from './promo.ts';
import { promoApi } from './promo.ts';

export type Campaign = z.infer<typeof CampaignSchema>;
export type * from './promo.ts';

/** A failed call, with the server's error `code` (e.g. `bad_signature`, `campaign_not_found`). */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The server's `error` object and what it sent beside it (`issues` by field, an office refusal's `problems`). */
    readonly detail?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }

  /**
   * Whether asking again can answer differently: a lost connection (status 0), an overloaded server or a rate limit
   * can; a refusal the server means (a campaign that does not exist or is hidden, no access, not joined) cannot.
   */
  get retryable(): boolean {
    return this.status === 0 || this.status >= 500 || this.status === 429 || this.status === 408;
  }

  /** The server's field or CSV-line problems (`path`: `rewards.0.count`, `line 3`), when it sent them. */
  get issues(): { path: string; message: string; code?: string; params?: Record<string, string | number> }[] {
    const issues = this.detail?.issues;
    return Array.isArray(issues) ? (issues as { path: string; message: string }[]) : [];
  }
}

export interface ApiClient extends PromoApi {
  /** A GET whose answer is text (a CSV export), as a Blob for a download. */
  download(path: string): Promise<Blob>;
  /** Where the API is ('' = this page's origin): signed download links are resolved against it. */
  readonly baseUrl?: string;
  request<T>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<T>;
  campaigns(): Promise<Campaign[]>;
  campaign(id: number): Promise<Campaign>;
  reportError(report: { message: string; stack?: string; screen?: string }): Promise<void>;
  /** Home's campaign list if the page already holds it (first render only; taken once), else undefined. */
  pageHome(): Campaign[] | undefined;
  /** A campaign's state if the page already holds it (first render only; taken once), else undefined. */
  pageCampaignState(id: number): CampaignState | undefined;
}

/**
 * How long a request may go unanswered before it is a network error the screen offers to retry: a read 15 s, a write
 * 30 s (its effect may have happened; the server's checks make a repeat harmless). Without it a request the network
 * swallowed left the screen loading for good (found from outside).
 */
export const REQUEST_TIMEOUT_MS = { read: 15_000, write: 30_000 } as const;

/**
 * `onUnauthorized` is told of every 401 (the identity refused: server/http/errors.ts) before the error is thrown. The
 * web entry signs in again there (its cookie gone or signed out elsewhere); in a client's launch the screens show the
 * expired launch themselves, so it is left out.
 */
export function createApiClient(baseUrl: string, authorization: string, onUnauthorized?: () => void): ApiClient {
  const root = baseUrl.replace(/\/$/, '');
  async function request<T>(method: string, path: string, body?: unknown, extra?: Record<string, string>): Promise<T> {
    // The first screen's reads may already be in the page or on their way (miniapp/boot/); a failed one is asked again.
    const early = method === 'GET' ? takeFirstScreenResponse(path, authorization) : undefined;
    if (early) {
      const answer = await early;
      if (answer.status >= 200 && answer.status < 300) return answer.body as T;
    }
    let response: Response;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), REQUEST_TIMEOUT_MS[method === 'GET' ? 'read' : 'write']);
    let data: { error?: { code: string; message: string } & Record<string, unknown> };
    try {
      response = await fetch(`${root}${path}`, {
        method,
        headers: {
          Authorization: authorization,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...extra,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: abort.signal,
      });
      // The body is read under the same clock: an answer whose body stalls is as stuck as no answer.
      data = await response.json().catch((err: unknown) => {
        if (abort.signal.aborted) throw err;
        return {};
      });
    } catch {
      throw new ApiRequestError(0, 'network', 'The server cannot be reached');
    } finally {
      clearTimeout(timer);
    }
    if (!response.ok) {
      if (response.status === 401) onUnauthorized?.();
      const { error, ...beside } = data;
      throw new ApiRequestError(response.status, error?.code ?? 'http_error', error?.message ?? response.statusText, {
        ...beside,
        ...error,
      });
    }
    return data as T;
  }
  async function download(path: string): Promise<Blob> {
    const response = await fetch(`${root}${path}`, { headers: { Authorization: authorization } }).catch(() => {
      throw new ApiRequestError(0, 'network', 'The server cannot be reached');
    });
    if (response.status === 401) onUnauthorized?.();
    if (!response.ok) throw new ApiRequestError(response.status, 'http_error', response.statusText);
    return response.blob();
  }
  return {
    request,
    download,
    baseUrl: root,
    ...promoApi(request),
    campaigns: async () => (await request<{ campaigns: Campaign[] }>('GET', '/api/campaigns')).campaigns,
    campaign: (id) => request('GET', `/api/campaigns/${id}`),
    pageHome: () =>
      (takeReadyFirstScreen(['/api/campaigns'], authorization)?.[0] as { campaigns?: Campaign[] } | undefined)
        ?.campaigns,
    pageCampaignState: (id) =>
      takeReadyFirstScreen([`/api/campaigns/${id}/state`], authorization)?.[0] as CampaignState | undefined,
    reportError: async (report) => {
      await request('POST', '/api/client-errors', { ...report, url: location.href.split('?')[0] }).catch(
        () => undefined,
      );
    },
  };
}
