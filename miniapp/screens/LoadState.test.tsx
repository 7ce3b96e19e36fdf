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
  // A 401 is the launch no longer accepted (its signature too old, or missing), not a refusal: it read "Нет доступа".
  ['401 expired', new ApiRequestError(401, 'expired', 'Launch expired'), { ru: 'Сеанс завершён', en: 'Session ended' }],
  // Only an expired launch "ended": a missing, malformed or forged one never was a session (it read "Сеанс завершён").
  ...(['missing', 'malformed', 'bad_signature', 'wrong_app'] as const).map(
    (code): [string, Error, { ru: string; en: string }] => [
      `401 ${code}`,
      new ApiRequestError(401, code, 'Launch refused'),
      { ru: 'Не удалось открыть приложение', en: 'Could not open the app' },
    ],
  ),
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

  it('a 401 says what to do (open the app again) and offers no Home, which would only be refused the same way', () => {
    for (const [room, wrap] of [
      ['office', (node: ReactNode) => <OfficeWording>{node}</OfficeWording>],
      ['participant', (node: ReactNode) => node],
    ] as const) {
      for (const code of ['expired', 'missing', 'bad_signature'] as const) {
        const error = new ApiRequestError(401, code, 'launch refused');
        const ru = render('ru', error, wrap);
        const en = render('en', error, wrap);
        expect(ru, `${room} ${code}`).toMatch(/[Оо]ткройте (приложение|его)/);
        expect(en, `${room} ${code}`).toMatch(/[Oo]pen (the app|it)/);
        expect(ru, `${room} ${code}`).not.toContain('data-testid="load-error-home"');
      }
    }
  });
});
