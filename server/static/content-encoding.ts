/**
 * Picks the stored encoding a request accepts: brotli, then gzip, then none. A coding is accepted by its own weight,
 * else by `*`'s; weight 0 refuses it, and so does a weight that is no qvalue (RFC 9110 §12.4.2), never read as "yes".
 */
export type StoredEncoding = 'br' | 'gzip';

/** RFC 9110 §12.4.2: `qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )`. */
const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/** `weight = OWS ";" OWS "q=" qvalue` after the coding ("q" in either case); anything else there weighs 0. */
function weightOf(params: string | undefined): number {
  if (params === undefined) return 1;
  const q = /^[ \t]*[qQ]=(.*)$/.exec(params)?.[1];
  return q !== undefined && QVALUE.test(q) ? Number(q) : 0;
}

/** Each coding the header names with its weight; a coding named twice keeps the lower one. */
function weights(header: string | undefined): Map<string, number> {
  const found = new Map<string, number>();
  for (const element of (header ?? '').split(',')) {
    const at = element.indexOf(';');
    const name = (at < 0 ? element : element.slice(0, at)).trim().toLowerCase();
    if (name === '') continue;
    const weight = weightOf(at < 0 ? undefined : element.slice(at + 1).trimEnd());
    found.set(name, Math.min(weight, found.get(name) ?? 1));
  }
  return found;
}

/**
 * @example
 * pickEncoding('gzip, deflate, br, zstd', ['br', 'gzip']) // 'br'
 * pickEncoding('br;q=0, gzip', ['br', 'gzip'])            // 'gzip'
 * pickEncoding('br;q=abc, *', ['br', 'gzip'])             // 'gzip'
 */
export function pickEncoding(header: string | undefined, available: StoredEncoding[]): StoredEncoding | undefined {
  const named = weights(header);
  return available.find((e) => (named.get(e) ?? named.get('*') ?? 0) > 0);
}
