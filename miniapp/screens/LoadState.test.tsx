/**
 * Found from outside: a refused load (403 no access, 404 not found) drew "Что-то пошло не так" / "Something went
 * wrong" above the refusal's own words, as if the app had broken. The title now names the refusal; a real failure
 * (5xx, no network) keeps the generic one. Inside the office (its wording provided at its root) and outside alike.
 */
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { OfficeWording } from '../admin/OfficeWording.tsx';
import { createMemoryRouter } from '../admin/preview/memory-router.ts';
import { type ApiClient, ApiRequestError } from '../api/client.ts';
import { AppContext, type AppServices } from '../app-context.ts';
import { messages } from '../i18n.ts';
import { RouterProvider } from '../routes.ts';
import { LoadState } from './LoadState.tsx';

function render(language: 'ru' | 'en', error: Error, wrap: (node: ReactNode) => ReactNode): string {
  const app = { language, t: messages[language], api: {} as ApiClient } as AppServices;
  return renderToStaticMarkup(
    <AppContext.Provider value={app}>
      <RouterProvider router={createMemoryRouter('/admin/campaign/7/pools')}>
        {wrap(<LoadState state={{ status: 'error', error, retry: () => undefined }}>{() => null}</LoadState>)}
      </RouterProvider>
    </AppContext.Provider>,
  );
}

/** VKUI's Placeholder title: the heading before the refusal's text. */
const title = (markup: string) => /vkuiPlaceholder__title[^>]*>(?:<[^>]+>)*([^<]+)</.exec(markup)?.[1];

const cases: [string, Error, { ru: string; en: string }][] = [
  ['403 forbidden', new ApiRequestError(403, 'forbidden', 'refused'), { ru: 'Нет доступа', en: 'No access' }],
  [
    '404 campaign_not_found',
    new ApiRequestError(404, 'campaign_not_found', 'refused'),
    { ru: 'Не найдено', en: 'Not found' },
  ],
  [
    '500 internal',
    new ApiRequestError(500, 'internal', 'boom'),
    { ru: 'Что-то пошло не так', en: 'Something went wrong' },
  ],
  ['no network', new TypeError('Failed to fetch'), { ru: 'Что-то пошло не так', en: 'Something went wrong' }],
];

describe('the title over a failed load fits what happened', () => {
  for (const [room, wrap] of [
    ['in the office', (node: ReactNode) => <OfficeWording>{node}</OfficeWording>],
    ['in the participant app', (node: ReactNode) => node],
  ] as const) {
    for (const [name, error, expected] of cases) {
      it(`${room}, ${name}: "${expected.en}" (ru, en)`, () => {
        for (const language of ['ru', 'en'] as const) {
          const markup = render(language, error, wrap);
          expect(markup).toContain('data-testid="load-error"');
          expect(title(markup), language).toBe(expected[language]);
        }
      });
    }
  }
});
