/** Picks the stored encoding a request accepts: brotli, then gzip, then none (`q=0` refuses one). */
export type StoredEncoding = 'br' | 'gzip';

export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name !== '' && (q === undefined || Number(q.slice(2)) > 0)) accepted.add(name);
  }
  return accepted;
}

/**
 * @example
 * pickEncoding('gzip, deflate, br, zstd', ['br', 'gzip']) // 'br'
 * pickEncoding('br;q=0, gzip', ['br', 'gzip'])            // 'gzip'
 */
export function pickEncoding(header: string | undefined, available: StoredEncoding[]): StoredEncoding | undefined {
  const accepted = acceptedEncodings(header);
  return available.find((e) => accepted.has(e) || (accepted.has('*') && !refuses(header, e)));
}

function refuses(header: string | undefined, encoding: string): boolean {
  return new RegExp(`(?:^|,)\\s*${encoding}\\s*;\\s*q=0(?:\\.0*)?\\s*(?:,|$)`, 'i').test(header ?? '');
}
