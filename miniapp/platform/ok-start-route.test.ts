import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

/** Evaluates the OK adapter module in a page at `search` + `hash`; returns the URLs it moved the page to. */
async function loadOkAdapterAt(search: string, hash: string): Promise<string[]> {
  const moves: string[] = [];
  const location = { pathname: '/', search, hash };
  vi.stubGlobal('window', { location });
  vi.stubGlobal('location', location);
  vi.stubGlobal('history', { state: null, replaceState: (_s: unknown, _t: string, url: string) => moves.push(url) });
  await import('./ok.ts');
  return moves;
}

const LINK = '?logged_user_id=1&session_key=s&auth_sig=x&custom_args=route%3D%2Fcampaign%2F2';

describe('OK app links', () => {
  it('item 12: an app link opens the campaign its custom_args name (the page holds that state), before the router reads the hash', async () => {
    expect(await loadOkAdapterAt(LINK, '')).toEqual([`/${LINK}#/campaign/2`]);
  });

  it('item 12: a reload stays on the screen in the hash; no route, or a malformed one, moves nothing', async () => {
    expect(await loadOkAdapterAt(LINK, '#/')).toEqual([]);
    vi.resetModules();
    expect(await loadOkAdapterAt('?logged_user_id=1&session_key=s&auth_sig=x', '')).toEqual([]);
    vi.resetModules();
    expect(await loadOkAdapterAt('?logged_user_id=1&custom_args=route%3Djavascript%3Aalert(1)', '')).toEqual([]);
  });

  it("an invitation's custom_args open the campaign with the inviter's referral code where the campaign screen reads it", async () => {
    const invite = `?logged_user_id=1&session_key=s&auth_sig=x&custom_args=${encodeURIComponent('route=/campaign/2&ref=aZ3k_Q-9')}`;
    expect(await loadOkAdapterAt(invite, '')).toEqual([`/${invite}#/campaign/2?ref=aZ3k_Q-9`]);
    // A code that is not one is dropped; the campaign still opens.
    vi.resetModules();
    const bad = `?logged_user_id=1&custom_args=${encodeURIComponent('route=/campaign/2&ref=<x>')}`;
    expect(await loadOkAdapterAt(bad, '')).toEqual([`/${bad}#/campaign/2`]);
  });
});
