/**
 * @module The one reading of an uploaded CSV's bytes as text, for the server's `text/csv` bodies and the office's file
 * pickers alike (pure: no Node API, so the office bundle takes it too). Russian Excel's «CSV (разделители - запятые)»
 * saves Windows-1251 with `;`; Google Sheets, LibreOffice and «CSV UTF-8» save UTF-8, with or without a BOM. Bytes that
 * are valid UTF-8 are read as UTF-8 (a Windows-1251 file with Cyrillic is practically never valid UTF-8), anything else
 * as Windows-1251, which maps every byte: Cyrillic arrives as Cyrillic instead of U+FFFD stored for good. Excel's
 * «Текст Юникод (*.txt)» saves UTF-16 (tab-separated) with a BOM, which says so: read as UTF-16 by that BOM.
 */

const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1251 = new TextDecoder('windows-1251');
const utf16le = new TextDecoder('utf-16le');
const utf16be = new TextDecoder('utf-16be');

/**
 * The text of an uploaded CSV: UTF-16 when a UTF-16 BOM opens it, UTF-8 (its BOM dropped) when the bytes are valid
 * UTF-8, otherwise Windows-1251.
 * @example csvText(new Uint8Array([0xcf, 0xf0, 0xe8, 0xe7])) // 'Приз'
 */
export function csvText(bytes: ArrayBuffer | Uint8Array): string {
  const [first, second] = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes, 0, Math.min(2, bytes.byteLength));
  // The decoders drop the BOM they recognise.
  if (first === 0xff && second === 0xfe) return utf16le.decode(bytes);
  if (first === 0xfe && second === 0xff) return utf16be.decode(bytes);
  try {
    return utf8.decode(bytes);
  } catch {
    return windows1251.decode(bytes);
  }
}

/**
 * A picked file's text, read as `csvText` reads it (`File.text()` would turn Windows-1251 Cyrillic into U+FFFD).
 * @example const csv = await fileText(input.files[0]);
 */
export const fileText = async (file: Blob) => csvText(await file.arrayBuffer());
