/**
 * Found from outside: when the campaign editor's first load failed (network, 5xx), it drew the error under a header
 * with Back and nothing else, so trying again meant leaving the editor. It now draws the office's load screen
 * (LoadStateScreen): the error with a Retry wired to the draft's load, under the header with Back; a refusal is the
 * office's not-found. `useCampaignDraft` is replaced: it answers with what a failed, pending or refused load leaves
 * (that Retry loads again without leaving the screen is shown in Chromium: tests/browser/office-support-member.test.ts).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { type ApiClient, ApiRequestError } from '../../api/client.ts';
import { AppContext, type AppServices } from '../../app-context.ts';
import { messages } from '../../i18n.ts';
import { RouterProvider } from '../../routes.ts';
import type { AsyncState } from '../../use-async.ts';
import { createMemoryRouter } from '../preview/memory-router.ts';
import { CampaignEditor } from './CampaignEditor.tsx';

const draft = vi.hoisted(() => ({ load: { status: 'loading' } as AsyncState<never> }));
vi.mock('./use-campaign-draft.ts', () => ({ useCampaignDraft: () => ({ doc: undefined, load: draft.load }) }));

function render(language: 'ru' | 'en'): string {
  const app = { language, t: messages[language], api: {} as ApiClient } as AppServices;
  return renderToStaticMarkup(
    <AppContext.Provider value={app}>
      <RouterProvider router={createMemoryRouter('/admin/campaign/7')}>
        <CampaignEditor />
      </RouterProvider>
    </AppContext.Provider>,
  );
}

/** What comes before the error or the spinner: the panel header. */
const header = (markup: string) =>
  markup.slice(0, markup.search(/data-testid="load-error"|aria-label="(Loading|Загрузка)/));
const BACK = {
  ru: /vkuiPanelHeader__before.*?<button.*?>Назад<\/span>/s,
  en: /vkuiPanelHeader__before.*?<button.*?>Back<\/span>/s,
};

describe('the campaign editor before its campaign has loaded', () => {
  it('a failed load: the error with Retry under a header with Back (ru, en)', () => {
    const retry = vi.fn();
    draft.load = { status: 'error', error: new TypeError('Failed to fetch'), retry };
    for (const language of ['ru', 'en'] as const) {
      const markup = render(language);
      expect(markup).toContain('data-testid="load-error"');
      expect(markup).toContain('data-testid="load-retry"');
      expect(markup).toContain(messages[language].retry);
      expect(header(markup), language).toMatch(BACK[language]);
    }
  });

  it('loading: the spinner under the same header', () => {
    draft.load = { status: 'loading' };
    const markup = render('en');
    expect(markup).toMatch(/aria-label="Loading/);
    expect(header(markup)).toMatch(BACK.en);
  });

  it('refused (no campaigns right, or no such campaign): the office’s not-found, no Retry that would only fail', () => {
    draft.load = {
      status: 'error',
      error: new ApiRequestError(403, 'forbidden', 'No campaigns rights'),
      retry: vi.fn(),
    };
    const markup = render('en');
    expect(markup).toContain('data-testid="not-found"');
    expect(markup).not.toContain('data-testid="load-retry"');
  });
});
