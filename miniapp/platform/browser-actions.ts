/**
 * The actions every adapter that has no client call for them does the way a plain browser does (the OK, Telegram,
 * web and local adapters): one home, so they answer alike.
 */
import type { PlatformAdapter } from './types.ts';

/**
 * Copies through the Clipboard API, else through the copy command: OK and Telegram on the web embed the app in an
 * iframe the Clipboard API may be closed to (no `clipboard-write` allowed), where the command still copies on a tap.
 * `failed` only where neither copies.
 */
export const copyWithClipboard: PlatformAdapter['copyText'] = async (text) => {
  try {
    await navigator.clipboard.writeText(text);
    return { status: 'done' };
  } catch {
    const field = document.createElement('textarea');
    field.value = text;
    field.style.cssText = 'position:fixed;opacity:0';
    document.body.append(field);
    field.select();
    const copied = document.execCommand('copy');
    field.remove();
    return copied ? { status: 'done' } : { status: 'failed', reason: 'Clipboard is not available' };
  }
};

/**
 * Opens the link in a new tab, with no access back to this page. Web addresses only: the server takes no other from
 * the brand, and a `javascript:` one would run in this page.
 */
export const openInNewTab: PlatformAdapter['openLink'] = async (url) => {
  if (!/^https?:\/\//i.test(url)) return { status: 'failed', reason: 'Not a web address' };
  window.open(url, '_blank', 'noopener');
  return { status: 'done' };
};
