/**
 * @module How each variant is opened by its stand-in client: the URL (launch data signed for the local API),
 * the script the client injects before the app runs, and the frame the app lives in. The web entry has no client:
 * a plain browser opens it at the API's `/web/`.
 */
import type { Frame, Page } from 'playwright-core';
import { toCustomArgs, toStartParam } from '../../../server/promo/participation/deep-link.ts';
import type { VariantName } from '../variants.ts';
import type { LaunchSigner } from './api-world.ts';
import { TELEGRAM_INIT_SCRIPT, TELEGRAM_THEMES, VK_IOS_INIT_SCRIPT } from './stand-in-pages.ts';

export interface LaunchOptions {
  variant: VariantName;
  /** Where the host serves this build (`http://127.0.0.1:<port>/app/<slot>/`). */
  appUrl: string;
  hostUrl: string;
  signer: LaunchSigner;
  scheme: 'light' | 'dark';
  width: number;
  /** Telegram `start_param` / VK and OK hash route to open first. */
  startRoute?: string;
  /** The API base URL baked into the build (the web entry is served on that origin). */
  apiBaseUrl: string;
}

export interface Launch {
  url: string;
  initScript?: string;
  /**
   * Path on the API origin under which the build is served instead of the stand-in host (the web entry at `/web/`,
   * as server/static serves it: its session cookie and CSRF check need the page and the API on one origin).
   */
  servedByApiAt?: string;
  /** The document the app itself runs in (VK web: the iframe inside the stand-in parent page). */
  appFrame(page: Page): Promise<Frame>;
}

const mainFrame = async (page: Page) => page.mainFrame();

export function launchFor(o: LaunchOptions): Launch {
  const mobile = o.width < 768;
  const hash = o.startRoute ? `#${o.startRoute}` : '';
  switch (o.variant) {
    case 'vk': {
      const src = `${o.appUrl}index.html?${o.signer.vkLaunchQuery(mobile ? 'mobile_web' : 'desktop_web')}${hash}`;
      return {
        url: `${o.hostUrl}/client/vk.html?${new URLSearchParams({ src, appearance: o.scheme })}`,
        appFrame: async (page) => {
          const handle = await page.waitForSelector('iframe');
          const frame = await handle.contentFrame();
          if (!frame) throw new Error('the VK stand-in has no app frame');
          return frame;
        },
      };
    }
    case 'vk-ios':
      return {
        url: `${o.appUrl}index.html?${o.signer.vkLaunchQuery('mobile_iphone')}${hash}`,
        initScript: VK_IOS_INIT_SCRIPT.replace('__APPEARANCE__', o.scheme),
        appFrame: mainFrame,
      };
    case 'ok': {
      const query = o.signer.okLaunchQuery({
        api_server: `${o.hostUrl}/ok-api/`,
        apiconnection: 'promo_ok_check',
        mob: String(mobile),
        ...(mobile ? { mob_platform: 'androidweb' } : {}),
        ...(o.startRoute ? { custom_args: toCustomArgs({ route: o.startRoute }) } : {}),
      });
      return { url: `${o.appUrl}index.html?${query}`, appFrame: mainFrame };
    }
    case 'telegram': {
      // As the server writes an app link (server/promo/participation/deep-link.ts).
      const startParam = o.startRoute ? toStartParam({ route: o.startRoute }) : undefined;
      const initData = o.signer.telegramInitData(startParam ? { start_param: startParam } : {});
      const theme = TELEGRAM_THEMES[o.scheme];
      const launch = new URLSearchParams({
        tgWebAppData: initData,
        tgWebAppVersion: '8.0',
        tgWebAppPlatform: mobile ? 'android' : 'tdesktop',
        tgWebAppThemeParams: JSON.stringify(theme),
        ...(startParam ? { tgWebAppStartParam: startParam } : {}),
      });
      return {
        url: `${o.appUrl}index.html#${launch}`,
        initScript: TELEGRAM_INIT_SCRIPT.replace('__THEME__', JSON.stringify(theme)),
        appFrame: mainFrame,
      };
    }
    case 'web':
      // No launch data: the VK ID session cookie (moderation's sign-in) identifies the user; the language is asked.
      return { url: `${o.apiBaseUrl}/web/?lang=ru${hash}`, servedByApiAt: '/web/', appFrame: mainFrame };
  }
}
