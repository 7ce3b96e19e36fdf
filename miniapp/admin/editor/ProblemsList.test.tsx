/**
 * A code pool's or the prize calendar's problem in the editor's list says a line about the `prizes` right: the way in
 * to a member who holds it, who to ask to one who does not, and — while the member's rights are being asked or their
 * request failed — only what the page takes. Red before: with the rights not known the line said «Коды загружает
 * сотрудник с правом «Призы»: попросите его», a claim that the member lacks a right nobody knew they lacked.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../api/client.ts';
import { AppContext, type AppServices } from '../../app-context.ts';
import { messages } from '../../i18n.ts';
import { RouterProvider } from '../../routes.ts';
import { officeMessages } from '../i18n-office.ts';
import type { Office, Problem } from '../office-api.ts';
import { createMemoryRouter } from '../preview/memory-router.ts';
import { ProblemsList } from './ProblemsList.tsx';

// The office access the list asks for (who may open the pools): answered, still being asked, or failed.
const access = vi.hoisted(() => ({
  office: undefined as unknown,
  asking: undefined as 'loading' | 'error' | undefined,
}));
vi.mock('../../use-async.ts', () => ({
  useAsync: () =>
    access.asking === 'loading'
      ? { status: 'loading' }
      : access.asking === 'error'
        ? { status: 'error', error: new Error('offline'), retry: () => undefined }
        : { status: 'ready', data: access.office, reload: () => undefined },
}));

const problems: Problem[] = [
  { path: 'pools.0', code: 'pool_without_codes', severity: 'error', params: { pool: 'packs' } },
  { path: 'settings.instantWin', code: 'calendar_without_moments', severity: 'error', params: {} },
];

/** Text as React writes it into markup (quotes escaped). */
const html = (text: string) => text.replaceAll('"', '&quot;');

function render(language: 'ru' | 'en', sections: string[], asking?: 'loading' | 'error'): string {
  access.office = { brands: [{ id: 3, name: 'Brand', agencyId: 1, sections }] } satisfies Office;
  access.asking = asking;
  const app = { language, t: messages[language], api: {} as ApiClient } as AppServices;
  return renderToStaticMarkup(
    <AppContext.Provider value={app}>
      <RouterProvider router={createMemoryRouter('/admin/campaign/5')}>
        <ProblemsList problems={problems} unsaved={false} campaign={{ id: 5, brandId: 3 }} />
      </RouterProvider>
    </AppContext.Provider>,
  );
}

describe("a code pool's and the prize calendar's problem, by what is known of the member's prizes right", () => {
  for (const language of ['ru', 'en'] as const) {
    const t = officeMessages[language];
    it(`held: the way in; not held: who to ask; not known: what the page takes, no claim (${language})`, () => {
      const holds = render(language, ['campaigns', 'prizes']);
      expect(holds).toContain(html(t.problemOpensPools));
      expect(holds).toContain(html(t.problemOpensCalendar));
      const lacks = render(language, ['campaigns']);
      expect(lacks).toContain(html(t.poolsNeedPrizesRight));
      expect(lacks).toContain(html(t.calendarNeedsPrizesRight));
      for (const asking of ['loading', 'error'] as const) {
        const unknown = render(language, ['campaigns', 'prizes'], asking);
        expect(unknown, asking).toContain(html(t.poolsRightsUnknown));
        expect(unknown, asking).toContain(html(t.calendarRightsUnknown));
        expect(unknown, asking).not.toContain(html(t.poolsNeedPrizesRight));
        expect(unknown, asking).not.toContain(html(t.calendarNeedsPrizesRight));
        expect(unknown, asking).not.toContain(html(t.problemOpensPools));
      }
    });
  }
});
