/**
 * @module Vite plugin: puts `startFirstScreenRequests` (miniapp/boot/first-screen-requests.ts) into index.html's
 * head as an inline classic script, so the first API requests leave while the bundle downloads instead of after it
 * has run. The server allows this one script by its hash in the page's CSP (server/static/).
 */
import type { Plugin } from 'vite';
import { startFirstScreenRequests } from '../../miniapp/boot/first-screen-requests.ts';
import { FIRST_SCREEN_DATA_ID } from '../../server/static/first-screen-data.ts';

export function firstScreenScript(platform: string, apiBase: string): string {
  const args = [platform, apiBase, FIRST_SCREEN_DATA_ID].map((a) => JSON.stringify(a)).join(',');
  return `(${startFirstScreenRequests.toString()})(${args});`;
}

export function firstScreenPlugin(platform: string, apiBase: string): Plugin {
  return {
    name: 'promo-first-screen-requests',
    transformIndexHtml: {
      order: 'post',
      // After the entry's module script and its preloads, before the stylesheets. Module scripts run only once the
      // document is parsed, so this script still runs first; placed above them, its work (two `fetch` calls and the
      // parsing of the launch, 50–150 ms on a slow phone) held the parser before it reached them and so delayed the
      // entry's download (cold) or its read from the cache and off-thread compile (warm). Above the stylesheets,
      // because a classic script waits for the stylesheets above it. The server's embedded data goes right after
      // `<title>` (server/static/mini-app.ts), above this script, which reads it.
      handler: (html) => {
        const tag = `<script>${firstScreenScript(platform, apiBase)}</script>\n    `;
        const stylesheet = html.search(/<link rel="stylesheet"/);
        const at = stylesheet >= 0 ? stylesheet : html.indexOf('</head>');
        if (!html.includes('</title>') || at < html.indexOf('</title>')) {
          throw new Error('index.html needs a <title> above its stylesheets to place the first-screen script');
        }
        return html.slice(0, at) + tag + html.slice(at);
      },
    },
  };
}
