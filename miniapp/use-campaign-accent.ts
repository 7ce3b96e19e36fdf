/**
 * The open campaign's accent on every screen of it (theme-sheet.ts's campaign layer): each screen that reads a
 * campaign holds its accent while it is mounted; the newest holder's shows, and none once the last has gone (home,
 * catalogue). Before, the accent was an inline style on the campaign home's content alone: its quiz, prizes, rules and
 * snackbars kept VKUI's colours, or Telegram's.
 */
import { useLayoutEffect } from 'react';
import { accentTokens } from './accent-style.ts';
import { setThemeLayer } from './theme-sheet.ts';

const holders: Array<{ accent: string | null | undefined }> = [];

export function useCampaignAccent(accent: string | null | undefined): void {
  useLayoutEffect(() => {
    const holder = { accent };
    holders.push(holder);
    setThemeLayer('campaign', accentTokens(accent));
    return () => {
      holders.splice(holders.indexOf(holder), 1);
      setThemeLayer('campaign', accentTokens(holders[holders.length - 1]?.accent));
    };
  }, [accent]);
}
