/**
 * @module The moderation checks in headless Chromium for one build: light and dark at widths 320, 375, 768 and
 * 1280; VKWebAppInit exactly once and within 30 s (VK variants); no console errors; nothing requested from any
 * host but the API while the first screen renders (iOS archive: nothing at all before the first API call);
 * back navigation from every screen; no critical axe-core violation. Screenshots go to `screenshotDir`.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Frame } from 'playwright-core';
import { type CheckResult, fail, pass } from '../checks/check.ts';
import { VARIANT_FACTS, type VariantName } from '../variants.ts';
import type { ApiTarget } from './api-world.ts';
import { checkBackNavigation } from './back-navigation.ts';
import type { ClientHost } from './client-host.ts';
import { type OpenedApp, openApp } from './open-app.ts';
import { signInOnWeb } from './web-sign-in.ts';

export const SCHEMES = ['light', 'dark'] as const;
export const WIDTHS = [320, 375, 768, 1280] as const;
const INIT_DEADLINE_MS = 30_000;

export interface ModerationSession {
  browser: Browser;
  host: ClientHost;
  api: ApiTarget;
}

export interface ModerationOutcome {
  checks: CheckResult[];
  screenshots: string[];
}

const axeSource = () => readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface BridgeCall {
  method: string;
  at: number;
}

async function criticalViolations(frame: Frame, source: string): Promise<string[]> {
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.addScriptTag({ content: source });
  return frame.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            o: object,
          ) => Promise<{ violations: Array<{ id: string; impact?: string; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} at ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      );
  });
}

export async function runModerationChecks(
  session: ModerationSession,
  o: {
    variant: VariantName;
    dir: string;
    slot: string;
    apiBaseUrl: string;
    screenshotDir: string;
    name: string;
    /** One light 375 px session without the screen walk (tests of deliberately broken builds). */
    quick?: boolean;
  },
): Promise<ModerationOutcome> {
  mkdirSync(o.screenshotDir, { recursive: true });
  const appUrl = session.host.mount(o.slot, o.dir);
  const facts = VARIANT_FACTS[o.variant];
  const screenshots: string[] = [];
  const errors = new Set<string>();
  const renderProblems: string[] = [];
  const initProblems: string[] = [];
  const networkProblems: string[] = [];
  const schemeProblems: string[] = [];
  const widthProblems: string[] = [];
  const a11y: string[] = [];
  const axe = axeSource();
  let back: CheckResult = fail('back-navigation', 'not run');

  const apiPrefix = `${o.apiBaseUrl}/`;
  const appOrigin = new URL(appUrl).origin;
  const schemes = o.quick ? (['light'] as const) : SCHEMES;
  const widths = o.quick ? ([375] as const) : WIDTHS;
  if (o.quick) back = pass('back-navigation', 'skipped (quick run)');
  // The web entry starts signed out: its sign-in screen is checked, then every session carries the session it leaves.
  const signIn =
    o.variant === 'web'
      ? await signInOnWeb(session.browser, {
          appUrl,
          hostUrl: session.host.url,
          apiBaseUrl: o.apiBaseUrl,
          apiUrl: session.api.url,
          signer: session.api,
          onSignedOut: async (frame) => {
            const path = join(o.screenshotDir, `${o.name}-signed-out.png`);
            await frame.page().screenshot({ path });
            screenshots.push(path);
            for (const v of await criticalViolations(frame, axe)) a11y.push(`sign-in screen: ${v}`);
          },
        })
      : undefined;
  for (const e of signIn?.errors ?? []) errors.add(`sign-in: ${e}`);
  for (const scheme of schemes) {
    for (const width of widths) {
      const label = `${scheme} ${width}px`;
      let app: OpenedApp | undefined;
      try {
        const opened = await openApp(session.browser, {
          variant: o.variant,
          appUrl,
          hostUrl: session.host.url,
          signer: session.api,
          scheme,
          width,
          apiBaseUrl: o.apiBaseUrl,
          apiUrl: session.api.url,
          ...(signIn ? { cookies: signIn.cookies } : {}),
        });
        app = opened;
        const shot = join(o.screenshotDir, `${o.name}-${scheme}-${width}.png`);
        await app.page.screenshot({ path: shot });
        screenshots.push(shot);

        // Network while the first screen rendered.
        const early = app.requests.filter((r) => r.at <= opened.firstScreenAt);
        const firstApi = early.find((r) => r.url.startsWith(apiPrefix));
        const launchDoc = app.launch.url.split('#')[0];
        for (const r of early) {
          if (r.url.startsWith(apiPrefix)) continue;
          const ownHost = r.url.startsWith(`${appOrigin}/`);
          if (o.variant === 'vk-ios') {
            if (r.url.split('#')[0] !== launchDoc)
              networkProblems.push(
                `${label}: ${r.url} requested ${firstApi && r.at > firstApi.at ? 'while' : 'before'} the first API call`,
              );
          } else if (!ownHost) networkProblems.push(`${label}: ${r.url}`);
        }

        // Colour scheme and width.
        const seen = await app.frame.evaluate(() => ({
          dark: /--dark/.test(document.documentElement.className),
          overflow: document.documentElement.scrollWidth - window.innerWidth,
        }));
        if (seen.dark !== (scheme === 'dark'))
          schemeProblems.push(`${label}: rendered ${seen.dark ? 'dark' : 'light'}`);
        if (seen.overflow > 1) widthProblems.push(`${label}: ${seen.overflow}px wider than the screen`);

        if (width === 375 && scheme === 'light' && !o.quick) {
          let n = 0;
          const result = await checkBackNavigation(o.variant, app.page, app.frame, async () => {
            const path = join(o.screenshotDir, `${o.name}-screen-${++n}.png`);
            await opened.page.screenshot({ path });
            screenshots.push(path);
            for (const v of await criticalViolations(opened.frame, axe)) a11y.push(`screen ${n} (${scheme}): ${v}`);
          });
          back =
            result.failures.length === 0
              ? pass('back-navigation', `back returns from every screen (${result.screens.join(', ')})`)
              : fail('back-navigation', result.failures.join('; '));
        } else if (width === 375 && scheme === 'dark') {
          for (const v of await criticalViolations(app.frame, axe)) a11y.push(`first screen (${scheme}): ${v}`);
        }

        // VKWebAppInit: read last, after the longest session (the crawl), so a late second call is seen.
        if (facts.vkBridge) {
          const calls = await app.page.evaluate(
            () => (window as unknown as { __bridgeCalls?: BridgeCall[] }).__bridgeCalls ?? [],
          );
          const inits = calls.filter((c) => c.method === 'VKWebAppInit');
          if (inits.length !== 1) initProblems.push(`${label}: VKWebAppInit sent ${inits.length} times`);
          else if ((inits[0]?.at ?? 0) > INIT_DEADLINE_MS)
            initProblems.push(`${label}: VKWebAppInit after ${inits[0]?.at} ms`);
        }
      } catch (err) {
        renderProblems.push(`${label}: ${(err as Error).message.split('\n')[0]}`);
      } finally {
        for (const e of app?.errors ?? []) errors.add(`${label}: ${e}`);
        await app?.close();
      }
    }
  }

  const checks: CheckResult[] = [
    renderProblems.length === 0
      ? pass('first-screen', `the first screen renders in ${schemes.length * widths.length} sessions`)
      : fail('first-screen', renderProblems.join('; ')),
  ];
  if (signIn) checks.push(signIn.check);
  if (facts.vkBridge) {
    checks.push(
      initProblems.length === 0
        ? pass('vk-init-once', 'VKWebAppInit sent exactly once, within 30 s, in every session')
        : fail('vk-init-once', initProblems.join('; ')),
    );
  }
  const errorList = [...errors];
  checks.push(
    errorList.length === 0
      ? pass('no-console-errors', 'no console error or uncaught exception')
      : fail('no-console-errors', errorList.slice(0, 8).join('; '), fileNames(errorList)),
    schemeProblems.length === 0
      ? pass('color-schemes', 'light and dark render as asked')
      : fail('color-schemes', schemeProblems.join('; ')),
    widthProblems.length === 0
      ? pass('widths', `no horizontal overflow at ${widths.join(', ')} px`)
      : fail('widths', widthProblems.join('; ')),
    networkProblems.length === 0
      ? pass(
          'first-screen-network',
          o.variant === 'vk-ios'
            ? 'nothing requested before the first API call; only the API while the first screen rendered'
            : 'only the app host and the API while the first screen rendered',
        )
      : fail('first-screen-network', networkProblems.slice(0, 8).join('; ')),
    back,
    a11y.length === 0
      ? pass('accessibility', 'no critical axe-core violation')
      : fail('accessibility', [...new Set(a11y)].join('; ')),
  );
  return { checks, screenshots };
}

/** Build files named in error messages (`(http://…/app/<slot>/assets/x.js)` → `assets/x.js`). */
function fileNames(errors: string[]): string[] {
  const files = new Set<string>();
  for (const e of errors) for (const m of e.matchAll(/\/app\/[^/]+\/([^\s)?#]+)/g)) if (m[1]) files.add(m[1]);
  return [...files];
}
