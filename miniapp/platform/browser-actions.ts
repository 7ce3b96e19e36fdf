/**
 * The actions every adapter that has no client call for them does the way a plain browser does (the OK, Telegram,
 * web and local adapters): one home, so they answer alike.
 */
import type { PlatformAdapter } from './types.ts';

/** Copies through the Clipboard API; `failed` where the page may not write to it (no user gesture, no permission). */
export const copyWithClipboard: PlatformAdapter['copyText'] = async (text) => {
  try {
    await navigator.clipboard.writeText(text);
    return { status: 'done' };
  } catch {
    return { status: 'failed', reason: 'Clipboard is not available' };
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
