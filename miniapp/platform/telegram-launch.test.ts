import { describe, expect, it } from 'vitest';
import { themeStyle } from '../theme-sheet.ts';
import { okLaunchFromUrl } from './ok-launch.ts';
import {
  parseTelegramLaunch,
  routeToStartParam,
  startParamToRoute,
  themeScheme,
  themeTokens,
  versionAtLeast,
} from './telegram-launch.ts';

describe('Telegram start_param deep links', () => {
  it('turn dashes into route segments and back', () => {
    expect(startParamToRoute('campaign-1')).toBe('/campaign/1');
    expect(startParamToRoute('campaign-1-rules')).toBe('/campaign/1/rules');
    expect(routeToStartParam('/campaign/1/rules')).toBe('campaign-1-rules');
  });

  it("carry an inviter's referral code after `--ref-`: the campaign route with `?ref=` (the code's own dashes kept)", () => {
    expect(startParamToRoute('campaign-12--ref-aZ3k_Q-9')).toBe('/campaign/12?ref=aZ3k_Q-9');
    expect(startParamToRoute('campaign-12--ref--a--b')).toBe('/campaign/12?ref=-a--b');
    // Not a code (longer than any the server makes): the campaign still opens, without one.
    expect(startParamToRoute(`campaign-12--ref-${'a'.repeat(65)}`)).toBe('/campaign/12');
  });

  it('ignore what Telegram would not send', () => {
    expect(startParamToRoute(undefined)).toBeUndefined();
    expect(startParamToRoute('../admin')).toBeUndefined();
  });
});

describe('Telegram launch read from the fragment (no bridge on the first screen)', () => {
  const initData = new URLSearchParams({
    query_id: 'AAH',
    user: JSON.stringify({ id: 7, first_name: 'Test', language_code: 'en' }),
    auth_date: '1796051074',
    start_param: 'campaign-2',
    hash: 'abc',
  }).toString();
  const fragment = `#${new URLSearchParams({
    tgWebAppData: initData,
    tgWebAppVersion: '8.0',
    tgWebAppPlatform: 'android',
    tgWebAppThemeParams: JSON.stringify({ bg_color: '#212121', button_color: '#8774e1' }),
  })}`;

  it('item 2: initData exactly as signed, the platform, the theme and start_param from initData', () => {
    expect(parseTelegramLaunch(fragment)).toEqual({
      initData,
      platform: 'android',
      version: '8.0',
      startParam: 'campaign-2',
      theme: { bg_color: '#212121', button_color: '#8774e1' },
    });
  });

  it('item 2: tgWebAppStartParam wins; a broken or non-object theme is ignored; no launch gives empty initData', () => {
    const withParam = `${fragment}&tgWebAppStartParam=campaign-3`;
    expect(parseTelegramLaunch(withParam).startParam).toBe('campaign-3');
    expect(parseTelegramLaunch('#tgWebAppData=a%3D1&tgWebAppThemeParams=%7Bbroken').theme).toEqual({});
    expect(parseTelegramLaunch('#tgWebAppData=a%3D1&tgWebAppThemeParams=%5B1%5D').theme).toEqual({});
    expect(parseTelegramLaunch('#/campaign/1')).toEqual({ initData: '', platform: '', version: '', theme: {} });
  });

  it('the client has BackButton from Bot API 6.1: versions compared part by part, a missing one as too old', () => {
    expect(['6.1', '6.10', '7.0', '8.0', '6.1.1'].map((v) => versionAtLeast(v, '6.1'))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['6.0', '5.9', '', 'x'].map((v) => versionAtLeast(v, '6.1'))).toEqual([false, false, false, false]);
  });
});

describe('Telegram theme params on VKUI', () => {
  it('map button and background colours onto VKUI tokens, snake or camel case', () => {
    expect(themeTokens({ button_color: '#8774e1', bg_color: '#212121' })).toMatchObject({
      '--vkui--color_background_accent_themed': '#8774e1',
      '--vkui--color_background_content': '#212121',
    });
    expect(themeTokens({ buttonColor: '#123456' })['--vkui--color_background_accent']).toBe('#123456');
  });

  it("shade Telegram's button colour on hover and press away from its label, not VKUI's blue", () => {
    const tokens = themeTokens({ button_color: '#8774e1', button_text_color: '#ffffff' });
    expect(tokens['--vkui--color_background_accent_themed--hover']).toBe('color-mix(in srgb, #8774e1 88%, black)');
    expect(tokens['--vkui--color_background_accent--active']).toBe('color-mix(in srgb, #8774e1 80%, black)');
    // Telegram's own label stays, where contrast alone would have picked black on this colour.
    expect(tokens['--vkui--color_text_contrast_themed']).toBe('#ffffff');
    expect(themeTokens({ button_color: '#ffd500' })['--vkui--color_text_contrast_themed']).toBe('#000000');
  });

  it("as one rule that also names VKUI's theme-class elements, which define the tokens again below <html>", () => {
    const rule = themeStyle(themeTokens({ link_color: '#8774e1', secondary_bg_color: '#181818' }));
    expect(rule).toBe(
      ':root:root,:root:root [class*="vkui--vk"]{--vkui--color_background_secondary_alpha:#181818;--vkui--color_text_accent:#8774e1;--vkui--color_text_accent_themed:#8774e1;--vkui--color_text_link:#8774e1;--vkui--color_background:#181818;--vkui--color_background_page:#181818}',
    );
    expect(themeStyle(themeTokens({ bg_color: 'red;}body{x' }))).toBe('');
  });

  it('pick the colour scheme from the background', () => {
    expect(themeScheme({ bg_color: '#212121' }, 'light')).toBe('dark');
    expect(themeScheme({ bg_color: '#ffffff' }, 'dark')).toBe('light');
    expect(themeScheme({}, 'dark')).toBe('dark');
  });
});

describe('OK launch parameters', () => {
  it('send the whole query as `OK <query>` and read the route from custom_args', () => {
    const search =
      '?logged_user_id=1&session_key=s&auth_sig=abc&api_server=https%3A%2F%2Fapi.ok.ru%2F&apiconnection=c&mob=true&custom_args=route%3D%2Fcampaign%2F2';
    const launch = okLaunchFromUrl({ search, hash: '' });
    expect(launch.authorization).toBe(`OK ${search.slice(1)}`);
    expect(launch).toMatchObject({
      startRoute: '/campaign/2',
      apiServer: 'https://api.ok.ru/',
      desktopWeb: false,
      person: 'ok:1',
    });
  });
});
