/**
 * What the office checks of a catalogue file before sending it: its size (the server takes at most 8 MB, so a bigger
 * file is refused here without uploading it), its format, from the extension or, failing that, from the content, and
 * its text (a YML feed in the encoding it declares).
 */

import { ymlText } from '../../../server/catalogue/yml-text.ts';
import { csvText } from '../../../server/http/csv-text.ts';
import { type Language, numberFormat } from '../../intl-formats.ts';
import type { ImportFormat, ImportIssue } from './offers-office-api.ts';

/** The server's limit on an import's body (server/app.ts, server/catalogue/offer-import.ts). */
export const MAX_FEED_BYTES = 8 * 1024 * 1024;

/** Whether `bytes` (a file's size, or the encoded request) is over the limit. */
export const overLimit = (bytes: number) => bytes > MAX_FEED_BYTES;

/** `8 388 609` bytes → `8,1` / `8.1` (MB, one decimal in the office's language, never rounded down to the limit). */
export const megabytes = (bytes: number, language: Language) =>
  numberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    Math.ceil((bytes / (1024 * 1024)) * 10) / 10,
  );

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

/**
 * A picked file as the import's body: a CSV read as csv-text.ts reads it (UTF-8, else Windows-1251), a YML feed in
 * the encoding its XML declaration names (yml-text.ts, as the server reads one); a YML feed in any other encoding is
 * the refusal the server would give, before sending it.
 * @example await readFeed(input.files[0]) // { format: 'yml', content: '<?xml …' }
 */
export async function readFeed(
  file: Blob & { name: string },
): Promise<{ format: ImportFormat; content: string } | { issue: ImportIssue }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const asCsv = csvText(bytes);
  if (feedFormat(file.name, asCsv) === 'csv') return { format: 'csv', content: asCsv };
  const read = ymlText(bytes);
  return 'issue' in read ? read : { format: 'yml', content: read.text };
}
