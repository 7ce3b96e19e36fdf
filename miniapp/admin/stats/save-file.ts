/**
 * Saves a downloaded CSV through the browser's own download (an object URL on a link with `download`), the way the
 * draw's winner export does. The file is fetched with the launch header first: a plain link cannot carry it.
 */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName, rel: 'noopener' });
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, not before the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
