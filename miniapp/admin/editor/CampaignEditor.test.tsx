/**
 * Found from outside: when the campaign editor's first load failed (network, 5xx), it drew the error under a header
 * with Back and nothing else, so trying again meant leaving the editor. It now draws the office's load screen
 * (LoadStateScreen): the error with a Retry wired to the draft's load, under the header with Back. A refusal is the
 * server's, in the office's words, with no Retry (it was the office's generic not-found, which said nothing of why).
 * `useCampaignDraft` is replaced: it answers with what a failed, pending or refused load leaves; `useEditorWayOut`
 * with whether it is still asking where a refused member may go instead. In Chromium: that Retry loads again without
 * leaving the screen (tests/browser/office-load-and-entry.test.ts), the way a refused member is sent
 * (tests/browser/office-editor-entry.test.ts).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { type ApiClient, ApiRequestError } from '../../api/client.ts';
import { AppContext, type AppServices } from '../../app-context.ts';
import { messages } from '../../i18n.ts';
import type { PlatformAdapter } from '../../platform/types.ts';
import { RouterProvider } from '../../routes.ts';
import type { AsyncState } from '../../use-async.ts';
import { createMemoryRouter } from '../preview/memory-router.ts';
import { CampaignEditor } from './CampaignEditor.tsx';

const draft = vi.hoisted(() => ({
  load: { status: 'loading' } as AsyncState<never>,
  wayOut: 'stay' as 'stay' | 'checking',
  /** A loaded campaign's draft, when a test has one; otherwise nothing loaded yet. */
  loaded: undefined as Record<string, unknown> | undefined,
}));
vi.mock('./use-campaign-draft.ts', () => ({
  useCampaignDraft: () => draft.loaded ?? { doc: undefined, load: draft.load },
}));
vi.mock('./use-editor-way-out.ts', () => ({ useEditorWayOut: () => draft.wayOut }));
// The form, its preview and the lists below the header load or draw the whole document: not what these tests read.
vi.mock('./EditorForm.tsx', () => ({ EditorForm: () => null }));
vi.mock('./CampaignSections.tsx', () => ({ CampaignSections: () => null }));
vi.mock('../preview/PreviewPane.tsx', () => ({ PreviewPane: () => null }));
vi.mock('../revisions/RevisionsList.tsx', () => ({ RevisionsList: () => null }));

function render(language: 'ru' | 'en'): string {
  const app = { language, t: messages[language], api: {} as ApiClient, platform: {} as PlatformAdapter } as AppServices;
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

  // Found from outside: a refusal was the office's generic not-found, which said nothing of why.
  it('refused (403): the server’s refusal in the office’s words, no Retry (ru, en)', () => {
    draft.wayOut = 'stay';
    draft.load = {
      status: 'error',
      error: new ApiRequestError(403, 'forbidden', 'No campaigns rights for this brand'),
      retry: vi.fn(),
    };
    const said = { ru: 'У вас нет прав на это в этом бренде.', en: 'You have no rights for this in this brand.' };
    for (const language of ['ru', 'en'] as const) {
      const markup = render(language);
      expect(markup, language).toContain('data-testid="load-error"');
      expect(markup).toContain(said[language]);
      expect(markup).not.toContain('No campaigns rights');
      expect(markup).not.toContain('data-testid="not-found"');
      expect(markup).not.toContain('data-testid="load-retry"');
      expect(header(markup), language).toMatch(BACK[language]);
    }
  });

  it('refused (404, no such campaign among the member’s brands): the server’s not-found in words, no Retry', () => {
    draft.wayOut = 'stay';
    draft.load = {
      status: 'error',
      error: new ApiRequestError(404, 'campaign_not_found', 'Campaign 7 does not exist in your brands'),
      retry: vi.fn(),
    };
    const markup = render('ru');
    expect(markup).toContain('Такой акции нет в ваших брендах.');
    expect(markup).not.toContain('data-testid="not-found"');
    expect(markup).not.toContain('data-testid="load-retry"');
  });

  it('while it asks where a refused member may go instead: the spinner, not the refusal', () => {
    draft.wayOut = 'checking';
    draft.load = { status: 'error', error: new ApiRequestError(403, 'forbidden', 'No rights'), retry: vi.fn() };
    const markup = render('en');
    expect(markup).toMatch(/aria-label="Loading/);
    expect(markup).not.toContain('data-testid="load-error"');
    draft.wayOut = 'stay';
  });
});

// Found from outside: typing in the title field renamed the header at once, before any save, so the header said the
// campaign was called what it was not (yet). It names the saved copy until the save lands, then the new title.
describe('the campaign editor’s header while its title is edited', () => {
  const campaign = (ru: string, en: string) =>
    ({
      id: 7,
      title: { ru, en },
      status: 'draft',
      revision: 0,
      allowedTransitions: [],
      timeZone: 'Europe/Moscow',
    }) as const;
  const loaded = (save: string, typed: ReturnType<typeof campaign>, saved: ReturnType<typeof campaign>) => ({
    doc: typed,
    saved,
    save,
    problems: [],
    launchNow: [],
    stale: false,
    version: 1,
    edit: vi.fn(),
    saveNow: vi.fn(),
    act: vi.fn(),
    reload: vi.fn(),
  });
  /** The panel header: all that comes before the toolbar (the form and the preview, which show the typed title, are not drawn here). */
  const headerText = (markup: string) => markup.slice(0, markup.indexOf('data-testid="office-status"'));
  const typed = campaign('Новое название', 'New name');
  const saved = campaign('Летняя акция', 'Summer campaign');

  it('typed, unsaved (and while saving, and when the save failed): the saved name (ru, en)', () => {
    for (const save of ['dirty', 'saving', 'failed']) {
      draft.loaded = loaded(save, typed, saved);
      expect(headerText(render('ru')), save).toContain('Летняя акция');
      expect(headerText(render('ru')), save).not.toContain('Новое название');
      expect(headerText(render('en')), save).toContain('Summer campaign');
      expect(headerText(render('en')), save).not.toContain('New name');
    }
  });

  it('once the save has landed: the new name', () => {
    draft.loaded = loaded('saved', typed, typed);
    expect(headerText(render('ru'))).toContain('Новое название');
    expect(headerText(render('en'))).toContain('New name');
    draft.loaded = undefined;
  });
});

// Decision 116: when the office's access request fails, the member's rights are unknown; the editor locks the dates
// and status (use-campaign-draft.ts `datesLockedFor`, sendable.test.ts) and says so with a Retry that asks again.
describe('the campaign editor when the member’s rights could not be learnt', () => {
  const live = {
    id: 7,
    title: { ru: 'Акция', en: 'Campaign' },
    status: 'live',
    revision: 1,
    allowedTransitions: ['paused', 'ended'],
    timeZone: 'Europe/Moscow',
  };
  const loaded = (rightsFailed: unknown) => ({
    doc: live,
    saved: live,
    save: 'saved',
    problems: [],
    launchNow: [],
    stale: false,
    version: 1,
    mayLaunch: undefined,
    datesLocked: true,
    rightsFailed,
    edit: vi.fn(),
    saveNow: vi.fn(),
    act: vi.fn(),
    reload: vi.fn(),
  });

  it('the failure said with its reason and a Retry, no status buttons (ru, en)', () => {
    draft.loaded = loaded({ status: 'error', error: new ApiRequestError(0, 'network', 'unreachable'), retry: vi.fn() });
    const said = {
      ru: ['Не удалось узнать ваши права в этом бренде', 'начало, конец, часовой пояс и статус акции не меняются'],
      en: ['Could not learn your rights in this brand', 'start, end, time zone and status stay as they are'],
    };
    for (const language of ['ru', 'en'] as const) {
      const markup = render(language);
      expect(markup, language).toContain('data-testid="office-rights-unknown"');
      expect(markup, language).toContain('data-testid="office-rights-retry"');
      for (const words of said[language]) expect(markup, language).toContain(words);
      expect(markup, language).not.toContain('data-testid="office-to-paused"');
      expect(markup, language).not.toContain('data-testid="office-launch-needs-right"');
    }
  });

  it('while they are still asked: no such banner', () => {
    draft.loaded = loaded(undefined);
    expect(render('en')).not.toContain('data-testid="office-rights-unknown"');
    draft.loaded = undefined;
  });
});
