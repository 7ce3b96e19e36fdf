/**
 * What the office checks of a catalogue file before sending it: its size (the server takes at most 8 MB, so a bigger
 * file is refused here without uploading it) and its format, from the extension or, failing that, from the content.
 */
import type { ImportFormat } from './offers-office-api.ts';

/** The server's limit on an import's body (server/app.ts, server/catalogue/offer-import.ts). */
export const MAX_FEED_BYTES = 8 * 1024 * 1024;

/** Whether `bytes` (a file's size, or the encoded request) is over the limit. */
export const overLimit = (bytes: number) => bytes > MAX_FEED_BYTES;

/** `8 388 609` bytes → `8.0` (MB, one decimal, never rounded down to the limit). */
export const megabytes = (bytes: number) => (Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toFixed(1);

/**
 * The feed's format: `.csv` → CSV; `.xml` / `.yml` → YML; otherwise a file whose first non-blank character is `<`
 * is YML (an XML feed), anything else CSV.
 * @example feedFormat('lavka.xml', '…') // 'yml'
 */
export function feedFormat(fileName: string, content: string): ImportFormat {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'csv') return 'csv';
  if (extension === 'xml' || extension === 'yml') return 'yml';
  return content
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('<')
    ? 'yml'
    : 'csv';
}

/** The request's size in bytes as it will travel (JSON escapes quotes and line breaks, UTF-8 widens Cyrillic). */
export const encodedSize = (body: unknown) => new Blob([JSON.stringify(body)]).size;
