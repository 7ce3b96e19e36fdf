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
      // Right after the title: after `<meta charset>` (which must stay in the first 1024 bytes) and before the
      // stylesheets (an inline script waits for the stylesheets above it).
      handler: (html) => {
        if (!html.includes('</title>')) throw new Error('index.html needs a <title> to place the first-screen script');
        return html.replace('</title>', () => `</title>\n    <script>${firstScreenScript(platform, apiBase)}</script>`);
      },
    },
  };
}
