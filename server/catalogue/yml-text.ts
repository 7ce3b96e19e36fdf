/**
 * @module The text of a YML feed's bytes, read in the encoding its XML declaration names, as XML requires:
 * `<?xml version="1.0" encoding="windows-1251"?>` (what most Russian retailers' feeds declare) or UTF-8 (declared, or
 * no declaration at all). Any other encoding (KOI8-R, UTF-16, …) is refused with the name it declared, never guessed:
 * a guess would store its Russian titles as other letters for good. Bytes that are not what they declare are refused
 * too. Pure (no Node API), so the office reads a picked file with it as the server reads a request's body.
 */
import type { ImportIssue } from './offer-fields.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1251 = new TextDecoder('windows-1251');
const WINDOWS_1251 = new Set(['windows-1251', 'cp1251', 'x-cp1251']);
const UTF_8 = new Set(['utf-8', 'utf8']);

/** The encoding an XML declaration at the start names, lower-cased; '' without one. */
export function declaredEncoding(bytes: Uint8Array): string {
  // The declaration is ASCII in every encoding taken here, so the first bytes read as Latin-1 hold it as written.
  const head = String.fromCharCode(...bytes.subarray(0, 200));
  const declaration =
    /^(?:\uFEFF|\xEF\xBB\xBF)?\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']/i.exec(head);
  return declaration?.[1]?.trim().toLowerCase() ?? '';
}

const refused = (code: string, message: string, params?: Record<string, string>): { issue: ImportIssue } => ({
  issue: { line: 1, code, message, ...(params ? { params } : {}) },
});

/**
 * @example ymlText(bytesOf('<?xml version="1.0" encoding="windows-1251"?><yml_catalog>…')) // { text: '<?xml …' }
 */
export function ymlText(input: ArrayBuffer | Uint8Array): { text: string } | { issue: ImportIssue } {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return refused('unsupported_encoding', 'The feed is UTF-16; send it as UTF-8 or Windows-1251', {
      encoding: '"UTF-16"',
    });
  }
  const encoding = declaredEncoding(bytes);
  if (WINDOWS_1251.has(encoding)) return { text: windows1251.decode(bytes) };
  if (encoding !== '' && !UTF_8.has(encoding)) {
    return refused(
      'unsupported_encoding',
      `The feed declares encoding "${encoding}"; only UTF-8 and Windows-1251 are read: save it in one of them`,
      { encoding: `"${encoding}"` },
    );
  }
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    return refused(
      'not_utf8',
      'The feed is not valid UTF-8, which its XML declaration means (declare encoding="windows-1251" if it is that)',
    );
  }
}

/**
 * The one check every form of a catalogue import passes (the JSON form's decoded text, a CSV's or a YML file's bytes):
 * text holding U+FFFD, the mark a decoder leaves where it could not read a byte, has lost its letters there for good
 * (a Windows-1251 file read as UTF-8, whether by the client before sending or by a program before saving the file we
 * got). Importing it would store «�» in place of the letters, so it is refused with the line of the first one. In the
 * JSON form an XML declaration, whatever encoding it names, describes bytes that are no longer here and is not read.
 * @example replacementCharacterIssue('id,title\nT-1,\uFFFD\uFFFD\n') // { line: 2, code: 'replacement_character', … }
 */
export function replacementCharacterIssue(text: string): ImportIssue | undefined {
  const at = text.indexOf('\uFFFD');
  if (at === -1) return undefined;
  const line = text.slice(0, at).split(/\r\n|\n|\r/).length;
  return {
    line,
    code: 'replacement_character',
    message:
      'The text holds U+FFFD (�) where a decoder could not read a byte, so the letters there are lost: open the ' +
      'original file in its own encoding (a YML feed: the one its XML declaration names; a CSV from Russian Excel: ' +
      'Windows-1251) and send it again',
  };
}
