/**
 * The packaging check's back-navigation walk (scripts/package/browser/back-navigation.ts) against a tiny page whose
 * campaign screen settles (text, no spinner) before its header's back button is drawn — what a loaded machine shows
 * while a panel finishes its transition. The walk must wait for the button, and still fail a screen that has none.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBackNavigation } from '../../scripts/package/browser/back-navigation.ts';
import { launchChromium } from './chromium.ts';

/** Home with one chevron cell to `#/campaign/2`; there the back button appears `backAfterMs` later (never if < 0). */
const page = (backAfterMs: number) => `<!doctype html><html><body><div id="view"></div><script>
  const view = document.getElementById('view');
  function draw() {
    const hash = location.hash || '#/';
    if (hash === '#/') {
      view.innerHTML = '<div class="vkuiView__panelActive"><a href="#/campaign/2" role="button">Campaign' +
        '<span class="chevron"></span></a></div>';
      return;
    }
    view.innerHTML = '<div class="vkuiView__panelActive"><header></header><p>Campaign 2</p></div>';
    if (${backAfterMs} < 0) return;
    setTimeout(() => {
      if ((location.hash || '#/') !== hash) return;
      const back = document.createElement('button');
      back.textContent = 'Назад';
      back.onclick = () => history.back();
      view.querySelector('header').append(back);
    }, ${backAfterMs});
  }
  addEventListener('hashchange', draw);
  draw();
</script></body></html>`;

/**
 * The same home and campaign screen as Telegram runs them: the stand-in client's record of calls (`__tgEvents`) and its
 * BackButton (`__tgPressBack`), shown on the campaign screen; `headerBack` draws a header Back there as well.
 */
const telegramPage = (headerBack: boolean) => `<!doctype html><html><body><div id="view"></div><script>
  window.__tgEvents = [];
  window.__tgPressBack = () => history.back();
  const view = document.getElementById('view');
  function draw() {
    const hash = location.hash || '#/';
    const first = hash === '#/';
    window.__tgEvents.push({ type: 'web_app_setup_back_button', data: { is_visible: !first } });
    view.innerHTML = first
      ? '<div class="vkuiView__panelActive"><a href="#/campaign/2" role="button">Campaign' +
        '<span class="chevron"></span></a></div>'
      : '<div class="vkuiView__panelActive"><header>' + (${headerBack} ? '<button>Назад</button>' : '') +
        '</header><p>Campaign 2</p></div>';
  }
  addEventListener('hashchange', draw);
  draw();
</script></body></html>`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function walk(backAfterMs: number, variant: 'ok' | 'telegram' = 'ok', body = page(backAfterMs)) {
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    await tab.route('http://walk.test/', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }));
    await tab.goto('http://walk.test/');
    return await checkBackNavigation(variant, tab, tab.mainFrame(), async () => {});
  } finally {
    await context.close();
  }
}

describe('back-navigation walk', () => {
  it('item 12: a back button drawn a few seconds after the screen settled is waited for, not reported missing', async () => {
    const result = await walk(4000);
    expect(result.failures).toEqual([]);
    expect(result.screens).toEqual(['#/', '#/campaign/2']);
  });

  it('item 12: a screen that never shows a back button still fails the walk', async () => {
    const result = await walk(-1);
    expect(result.failures).toEqual(['#/campaign/2: no back button in the panel header']);
  });

  it('Telegram: the BackButton as the one back passes; a header Back beside it fails the walk (two arrows)', async () => {
    const one = await walk(0, 'telegram', telegramPage(false));
    expect(one.failures).toEqual([]);
    expect(one.screens).toEqual(['#/', '#/campaign/2']);
    const two = await walk(0, 'telegram', telegramPage(true));
    expect(two.failures).toEqual(["#/campaign/2: a header back beside Telegram's BackButton"]);
  });
});
