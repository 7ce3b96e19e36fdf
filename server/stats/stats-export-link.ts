/**
 * @module Signed, short-lived, single-purpose download links for a stats CSV. VK's mobile clients cannot save a blob
 * from the page, so the mini app asks VK to download a URL (`VKWebAppDownloadFile`), and VK's downloader sends no
 * launch data: the URL itself must say who may have which file. A link is an HMAC-SHA256 over what it grants — this
 * member (the verified identity that asked), this brand, the stats CSV of this measure and scope with these filters
 * — and an expiry a minute ahead; it grants nothing else, and the download checks the member's rights again.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Identity } from '../auth/identity.ts';
import type { Config } from '../config.ts';
import { ApiError } from '../http/errors.ts';
import type { StatsMeasure, StatsQuery } from './stats.schemas.ts';

/** How long a link works: enough for the client to hand it to VK, too short to be worth forwarding. */
export const EXPORT_LINK_TTL_MS = 60_000;

export interface ExportGrant {
  /** What the link is for: only a stats CSV. */
  purpose: 'stats-csv';
  identity: Identity;
  brandId: number;
  scope: { kind: 'campaign' | 'brand'; id: number };
  measure: StatsMeasure;
  query: Omit<StatsQuery, 'format'>;
  /** Unix ms after which the link is refused. */
  expiresAt: number;
}

/** The link key: derived from the server's secrets, used for nothing else (a launch secret never signs a link). */
export function exportLinkKey(config: Pick<Config, 'SECRETS_KEY' | 'VK_APP_SECRET'>): Buffer {
  const root = config.SECRETS_KEY ?? Buffer.from(config.VK_APP_SECRET, 'utf8');
  return createHmac('sha256', root).update('stats-export-link/v1').digest();
}

const mac = (key: Buffer, payload: string) => createHmac('sha256', key).update(payload).digest();

/** @example const token = signExportLink(key, grant); // `<payload>.<mac>`, both base64url */
export function signExportLink(key: Buffer, grant: ExportGrant): string {
  const payload = Buffer.from(JSON.stringify(grant), 'utf8').toString('base64url');
  return `${payload}.${mac(key, payload).toString('base64url')}`;
}

/**
 * The grant of a link whose signature holds and that has not expired; else a 403 (`link_invalid`: tampered, for
 * another purpose, malformed) or a 410 (`link_expired`).
 * @example const grant = verifyExportLink(key, token, Date.now());
 */
export function verifyExportLink(key: Buffer, token: string, now: number): ExportGrant {
  const invalid = new ApiError(403, 'link_invalid', 'This download link is not valid');
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) throw invalid;
  const expected = mac(key, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid;
  let grant: ExportGrant;
  try {
    grant = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as ExportGrant;
  } catch {
    throw invalid;
  }
  if (grant.purpose !== 'stats-csv' || typeof grant.expiresAt !== 'number') throw invalid;
  if (now > grant.expiresAt) throw new ApiError(410, 'link_expired', 'This download link has expired; download again');
  return grant;
}
