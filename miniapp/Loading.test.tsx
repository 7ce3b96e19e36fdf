/**
 * Found walking the office in English: while the broadcast composer counted its audience, the page's text read
 * «Загружается... Counting…». VKUI's `Spinner` carries a hidden «Загружается...» for screen readers in every language;
 * every spinner of the app is now `Loading`, which says it in the screen's language (or nothing beside a visible word).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createMemoryRouter } from './admin/preview/memory-router.ts';
import type { ApiClient } from './api/client.ts';
import { AppContext, type AppServices } from './app-context.ts';
import { messages } from './i18n.ts';
import { RouterProvider } from './routes.ts';
import { LoadState } from './screens/LoadState.tsx';

const root = new URL('.', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.tsx') ? [join(dir, e.name)] : [],
  );
}

describe('spinners speak the screen language', () => {
  it("no screen uses VKUI's Spinner directly (its hidden text is Russian)", () => {
    const direct = sources(root)
      .filter((file) => !file.endsWith('/Loading.tsx') && !file.endsWith('.test.tsx'))
      .filter((file) => /<Spinner\b/.test(readFileSync(file, 'utf8')))
      .map((file) => file.slice(root.length));
    expect(direct).toEqual([]);
  });

  it('a loading screen in English says "Loading…", not «Загружается...»; in Russian «Загрузка…»', () => {
    for (const language of ['en', 'ru'] as const) {
      const app = { language, t: messages[language], api: {} as ApiClient } as AppServices;
      const markup = renderToStaticMarkup(
        <AppContext.Provider value={app}>
          <RouterProvider router={createMemoryRouter('/')}>
            <LoadState state={{ status: 'loading' }}>{() => null}</LoadState>
          </RouterProvider>
        </AppContext.Provider>,
      );
      expect(markup).not.toContain('Загружается');
      expect(markup).toContain(messages[language].loading);
    }
  });
});
