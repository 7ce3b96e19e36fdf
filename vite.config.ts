/**
 * One Vite config for every variant. The mode picks the platform adapter at build time
 * (`#platform` → miniapp/platform/<adapter>.ts), so each bundle carries only its own platform code:
 * the OK and Telegram builds alias vk-bridge to a no-op stub, the iOS archive is one self-contained file.
 * VKUI is resolved to its CSS-modules build (`@vkontakte/vkui/dist/cssm`): each component brings its own
 * stylesheet, so a chunk carries the CSS of the components it uses instead of all of `vkui.css`
 * (miniapp/main.tsx imports only the theme tokens; docs/decisions/007). Its classes keep the names `vkui.css`
 * gives them (`vkui<Folder>__<local>`, VKUI's own naming), so selectors like `.vkuiView__panelActive` still hold.
 * `npm run package` hands the client's white-label settings over in `PROMO_CLIENT_CONFIG` (JSON).
 */
import { createHash } from 'node:crypto';
import { basename, dirname, relative, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type PluginOption } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { compileHintsPlugin } from './scripts/build/compile-hints.ts';
import { eagerImportsPlugin } from './scripts/build/eager-imports.ts';
import { firstScreenPlugin } from './scripts/build/first-screen-plugin.ts';
import { precompressPlugin } from './scripts/build/precompress.ts';
import { withoutThemes } from './scripts/build/without-themes.ts';
import type { BundleSettings } from './scripts/package/client-config.ts';
import { whiteLabelPlugin } from './scripts/package/white-label.ts';

interface Variant {
  adapter: string;
  /** Which launch the first-screen script in index.html reads (miniapp/boot/first-screen-requests.ts). */
  platform: 'vk' | 'ok' | 'telegram';
  /** Replace vk-bridge with the stub (builds that never run inside a VK client). */
  withoutVkBridge?: boolean;
  /** Inline every script, style and asset into index.html (VK's advice for the iOS ODR archive). */
  singleFile?: boolean;
  /** No early first-screen requests: nothing in the URL to sign them with. */
  withoutFirstScreenScript?: boolean;
}

const VARIANTS: Record<string, Variant> = {
  vk: { adapter: 'vk.ts', platform: 'vk' },
  'vk-ios': { adapter: 'vk.ts', platform: 'vk', singleFile: true },
  ok: { adapter: 'ok.ts', platform: 'ok', withoutVkBridge: true },
  telegram: { adapter: 'telegram.ts', platform: 'telegram', withoutVkBridge: true },
  // The web entry outside any client (VK ID login): its session is a cookie, not a launch in the URL, so the
  // first-screen script would read `?lang=ru` as a VK launch and meet two 401s (a console error each).
  web: { adapter: 'web.ts', platform: 'vk', withoutVkBridge: true, withoutFirstScreenScript: true },
  development: { adapter: 'vk.ts', platform: 'vk' },
  production: { adapter: 'vk.ts', platform: 'vk' },
};

type ClientSettings = BundleSettings & { logoDataUrl?: string };

/** VKUI's modules get VKUI's own names (`vkui[folder]__[local]`); ours get `<File>__<local>_<hash of the path>`. */
function scopedClassName(local: string, file: string): string {
  const path = relative(import.meta.dirname, file.split('?')[0] ?? file).replaceAll('\\', '/');
  if (path.includes('node_modules/@vkontakte/vkui/')) return `vkui${basename(dirname(path))}__${local}`;
  const hash = createHash('sha256').update(path).digest('hex').slice(0, 5);
  return `${basename(path).replace(/\.module\.css$/, '')}__${local}_${hash}`;
}

/** `import.meta.env.VITE_API_BASE_URL` as the bundle will see it (.env files under miniapp/ or the environment). */
function apiBaseFromEnv(mode: string): string {
  return loadEnv(mode, resolve(import.meta.dirname, 'miniapp'), 'VITE_').VITE_API_BASE_URL ?? '';
}

export default defineConfig(({ mode }) => {
  const variant = VARIANTS[mode];
  if (!variant) throw new Error(`Unknown build mode "${mode}"; expected one of ${Object.keys(VARIANTS).join(', ')}`);
  const client = process.env.PROMO_CLIENT_CONFIG
    ? (JSON.parse(process.env.PROMO_CLIENT_CONFIG) as ClientSettings)
    : undefined;
  const platformDir = resolve(import.meta.dirname, 'miniapp/platform');
  const plugins: PluginOption[] = [react()];
  // The entry is the first screen's code: V8 compiles all of it off the main thread while it streams in. Not in the
  // iOS single file, where the entry is the whole app (every lazy screen inlined) and WebKit ignores the hint anyway.
  if (!variant.singleFile) plugins.push(compileHintsPlugin());
  if (client) plugins.push(whiteLabelPlugin(client, client.logoDataUrl));
  // One file holds every screen, so lazy imports would only add the bundler's lazy-init wrappers (decision 036).
  if (variant.singleFile) plugins.push(eagerImportsPlugin(), viteSingleFile({ removeViteModuleLoader: true }));
  // The first API requests start from index.html while the bundle downloads (not in the self-contained iOS file).
  else if (!variant.withoutFirstScreenScript)
    plugins.push(firstScreenPlugin(variant.platform, client?.apiBaseUrl ?? apiBaseFromEnv(mode)));
  // .br and .gz beside each file for the server (server/static/); the packager turns it off where the host does not
  // serve them (VK hosting, the iOS archive: scripts/package/variants.ts).
  if (!variant.singleFile && process.env.PROMO_PRECOMPRESS !== '0') plugins.push(precompressPlugin());
  return {
    root: resolve(import.meta.dirname, 'miniapp'),
    base: './',
    plugins,
    define: {
      // What this build leaves out (miniapp/build-contents.ts): the code for it drops out with it.
      'import.meta.env.VITE_WEB_ENTRY': JSON.stringify(mode === 'web' ? 'present' : 'absent'),
      'import.meta.env.VITE_OFFICE': JSON.stringify(variant.singleFile ? 'absent' : 'present'),
      'import.meta.env.VITE_VKCOM_THEME': JSON.stringify(variant.singleFile ? 'absent' : 'present'),
      'import.meta.env.VITE_PLATFORM': JSON.stringify(variant.platform),
      ...(client
        ? {
            'import.meta.env.VITE_API_BASE_URL': JSON.stringify(client.apiBaseUrl),
            'import.meta.env.VITE_OK_GROUP_ID': JSON.stringify(client.okGroupId),
          }
        : {}),
    },
    css: {
      modules: { generateScopedName: scopedClassName },
      // Only the VK iOS client opens the single file, so VKUI's vk.com theme never applies there (decision 036).
      ...(variant.singleFile ? { postcss: { plugins: [withoutThemes('vkCom')] } } : {}),
    },
    resolve: {
      alias: [
        { find: '#platform', replacement: resolve(platformDir, variant.adapter) },
        // Exactly the package root: `@vkontakte/vkui/dist/cssm/styles/themes.css` must still resolve as is.
        { find: /^@vkontakte\/vkui$/, replacement: '@vkontakte/vkui/dist/cssm' },
        ...(variant.withoutVkBridge
          ? [{ find: '@vkontakte/vk-bridge', replacement: resolve(platformDir, 'vk-bridge-stub.ts') }]
          : []),
        // The single file inlines every lazy chunk, so the office would be parsed and run at every participant's
        // start: the iOS archive leaves every office section out (docs/decisions/024, 036), all but the
        // invitation panel, which an invitee must be able to accept wherever they open the link.
        ...(variant.singleFile
          ? [
              {
                find: /^\.\/admin\/(?!invite\/).+\.tsx$/,
                replacement: resolve(import.meta.dirname, 'miniapp/admin/OfficeOutsideArchive.tsx'),
              },
            ]
          : []),
      ],
    },
    build: {
      outDir: process.env.PROMO_OUT_DIR ?? resolve(import.meta.dirname, 'dist', mode),
      emptyOutDir: true,
      target: 'es2020',
      reportCompressedSize: false,
      rolldownOptions: {
        // Constants inlined across chunks too: the first screen takes only `millisecondsInSecond` from VKUI's
        // lib/date.js (its View imports it), and with it inlined the entry no longer imports that module at all.
        optimization: { inlineConst: { mode: 'all', pass: 2 } },
        output: {
          // Floating UI (VKUI's popovers: selects, date inputs, tooltips) is used only by lazy screens, chiefly the
          // office. Left to itself, the bundler merged it into a chunk the first screen also needs (+12 KB gzip on
          // every participant's first download); its own group keeps it with the screens that use it. Only the
          // matched modules move (`includeDependenciesRecursively: false`): their shared dependencies stay put.
          codeSplitting: {
            includeDependenciesRecursively: false,
            groups: [
              // Everything the entry imports statically, in one chunk: the first screen's code arrives as one file
              // (one request, one CSS file) instead of the entry and eight small shared chunks, each a request
              // queued behind HTTP/1.1's six connections on a slow network.
              { name: 'first-screen', tags: ['$initial'], priority: 1 },
              {
                // VKUI's lib/date.js makes an `Intl.DateTimeFormat` when it is evaluated, for the office's date
                // inputs. In the first-screen chunk that one line loaded ICU on every participant's start (≈ 200 ms
                // of a throttled phone's main thread: decision 037); in its own chunk it loads with those inputs.
                name: 'vkui-date',
                priority: 3,
                test: /node_modules[\\/]@vkontakte[\\/]vkui[\\/]dist[\\/]cssm[\\/]lib[\\/]date\.js$/,
              },
              {
                name: 'floating-ui',
                // Before the first-screen group: these modules count as initial (VKUI's index imports them) though
                // the first screen never runs them.
                priority: 2,
                test: /node_modules[\\/](@floating-ui[\\/](core|dom)|@vkontakte[\\/]vkui-floating-ui[\\/]react-dom)[\\/]/,
              },
            ],
          },
        },
      },
      ...(variant.singleFile
        ? {
            assetsInlineLimit: Number.MAX_SAFE_INTEGER,
            // One inline module, no `<link rel="modulepreload">` to polyfill.
            modulePreload: { polyfill: false },
            // Only the VK iOS client's WebKit opens the archive: the Apple half of es2020. Lowering VKUI's styles for
            // Chrome 80 and Firefox 80 too copied each logical-property rule per text direction (decision 115).
            cssTarget: ['safari14.1', 'ios14.5'],
          }
        : {}),
    },
    server: {
      proxy: {
        // The API, but not the mini app's own modules under miniapp/api/ (`/api/client.ts?t=…`), which Vite serves.
        // `npm run dev` (scripts/dev.ts) says where the API listens.
        '^/api/(?!.*\\.tsx?(\\?.*)?$)': process.env.PROMO_DEV_API_URL ?? 'http://localhost:8080',
        '/vk': process.env.PROMO_DEV_API_URL ?? 'http://localhost:8080',
      },
    },
  };
});
