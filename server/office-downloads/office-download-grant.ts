/**
 * @module Signed, short-lived, single-purpose download links for the office's CSVs. VK's mobile clients cannot save a
 * blob from the page, so the mini app asks VK to download a URL (`VKWebAppDownloadFile`), and VK's downloader sends no
 * launch data: the URL itself must say who may have which file. A grant names its purpose (one per kind of CSV) and
 * exactly the parameters that CSV takes, the member (the verified identity that asked) and the brand, and an expiry a
 * minute ahead. It is signed with HMAC-SHA256 under a key derived for that purpose alone, so a link for one CSV is no
 * link for another; the download (office-download.routes.ts) checks the member's rights again.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import type { Identity } from '../auth/identity.ts';
import type { Config } from '../config.ts';
import { ApiError } from '../http/errors.ts';
import type { StatsMeasure, StatsQuery } from '../stats/stats.schemas.ts';

/** How long a link works: enough for the client to hand it to VK, too short to be worth forwarding. */
export const OFFICE_DOWNLOAD_TTL_MS = 60_000;

/** What each kind of link grants, beyond the member and brand: the parameters of that CSV, and nothing else. */
export interface OfficeDownloadParams {
  /** A statistics measure (server/stats/stats.routes.ts), section `stats`. */
  'stats-csv': {
    scope: { kind: 'campaign' | 'brand'; id: number };
    measure: StatsMeasure;
    query: Omit<StatsQuery, 'format'>;
  };
  /** Every lead of a campaign (server/leads/lead-office.routes.ts), section `leads`. */
  'leads-csv': { campaignId: number };
  /** The draw's picks (server/promo/draw/draw-admin.routes.ts), section `prizes`. */
  'draw-winners-csv': { campaignId: number };
  /** Who is stuck at a stage (server/funnel/funnel.routes.ts), section `stats`. */
  'stuck-csv': { campaignId: number; stage: string; minHours: number; limit: number };
}
export type OfficeDownloadPurpose = keyof OfficeDownloadParams;

/** Every purpose, for the download route's path parameter. */
export const OFFICE_DOWNLOAD_PURPOSES = [
  'stats-csv',
  'leads-csv',
  'draw-winners-csv',
  'stuck-csv',
] as const satisfies readonly OfficeDownloadPurpose[];

export type OfficeDownloadGrant<P extends OfficeDownloadPurpose = OfficeDownloadPurpose> = {
  [K in P]: {
    purpose: K;
    identity: Identity;
    brandId: number;
    /** Unix ms after which the link is refused. */
    expiresAt: number;
  } & OfficeDownloadParams[K];
}[P];

/** What every link route answers. */
export const OfficeDownloadLinkSchema = z
  .object({
    url: z.string().openapi({ description: 'Relative to the API origin; works without launch data for a minute' }),
    expiresAt: z.number().int(),
  })
  .openapi('OfficeDownloadLink');

/**
 * The key of one purpose's links: derived from the server's secrets, used for nothing else (a launch secret never
 * signs a link, and a leads link's key signs no stats link).
 */
export function officeDownloadKey(config: Pick<Config, 'SECRETS_KEY' | 'VK_APP_SECRET'>, purpose: string): Buffer {
  const root = config.SECRETS_KEY ?? Buffer.from(config.VK_APP_SECRET, 'utf8');
  return createHmac('sha256', root).update(`office-download/${purpose}/v1`).digest();
}

const mac = (key: Buffer, payload: string) => createHmac('sha256', key).update(payload).digest();

/**
 * A link for `grant`, a minute from now: `{ url: '/api/office-downloads/<purpose>/<payload>.<mac>', expiresAt }`.
 * @example return c.json(officeDownloadLink(c.var.deps, { purpose: 'leads-csv', identity, brandId, campaignId }), 200);
 */
export function officeDownloadLink<P extends OfficeDownloadPurpose>(
  deps: { config: Pick<Config, 'SECRETS_KEY' | 'VK_APP_SECRET'>; now: () => number },
  grant: Omit<OfficeDownloadGrant<P>, 'expiresAt'>,
): { url: string; expiresAt: number } {
  const expiresAt = deps.now() + OFFICE_DOWNLOAD_TTL_MS;
  const payload = Buffer.from(JSON.stringify({ ...grant, expiresAt }), 'utf8').toString('base64url');
  const signature = mac(officeDownloadKey(deps.config, grant.purpose), payload).toString('base64url');
  return { url: `/api/office-downloads/${grant.purpose}/${payload}.${signature}`, expiresAt };
}

/**
 * The grant of a `purpose` link whose signature holds under that purpose's key and that has not expired; else a 403
 * `link_invalid` (tampered, malformed, or signed for another purpose) or a 410 `link_expired`.
 * @example const grant = verifyOfficeDownload(deps.config, 'leads-csv', token, deps.now());
 */
export function verifyOfficeDownload<P extends OfficeDownloadPurpose>(
  config: Pick<Config, 'SECRETS_KEY' | 'VK_APP_SECRET'>,
  purpose: P,
  token: string,
  now: number,
): OfficeDownloadGrant<P> {
  const invalid = new ApiError(
    403,
    'link_invalid',
    'This download link is not valid (altered, malformed, or issued for another download)',
  );
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) throw invalid;
  const expected = mac(officeDownloadKey(config, purpose), payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid;
  let grant: OfficeDownloadGrant<P>;
  try {
    grant = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as OfficeDownloadGrant<P>;
  } catch {
    throw invalid;
  }
  if (grant?.purpose !== purpose || typeof grant.expiresAt !== 'number') throw invalid;
  if (now > grant.expiresAt) throw new ApiError(410, 'link_expired', 'This download link has expired; download again');
  return grant;
}

/** One office CSV as its route serves it: the document, the name it is saved under, and the brand it belongs to. */
export interface OfficeCsv {
  csv: string;
  fileName: string;
  brandId: number;
}
