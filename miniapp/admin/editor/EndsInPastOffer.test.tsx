/**
 * What the «end date has passed» offer says and offers, by what the member can do (decision 116): with `launch`, the
 * button to the end date and «press Launch»; without it on a published campaign (dates locked), no button, whom to
 * ask; without it on a draft (dates open), the button, and who presses the launch button after. In Chromium:
 * tests/browser/office-ends-in-past-launch-right.test.ts (the first two).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../api/client.ts';
import { AppContext, type AppServices } from '../../app-context.ts';
import { messages } from '../../i18n.ts';
import type { PlatformAdapter } from '../../platform/types.ts';
import type { Problem } from '../office-api.ts';
import { EndsInPastOffer } from './EndsInPastOffer.tsx';

const endsInPast: Problem[] = [{ path: 'endsAt', code: 'ends_in_past', severity: 'error', params: {} }];

function render(language: 'ru' | 'en', mayLaunch: boolean | undefined, datesLocked: boolean, paused = false) {
  const app = { language, t: messages[language], api: {} as ApiClient, platform: {} as PlatformAdapter } as AppServices;
  return renderToStaticMarkup(
    <AppContext.Provider value={app}>
      <EndsInPastOffer
        problems={endsInPast}
        paused={paused}
        mayLaunch={mayLaunch}
        datesLocked={datesLocked}
        onChangeDate={() => {}}
      />
    </AppContext.Provider>,
  );
}

const BUTTON = 'data-testid="office-change-end-date"';

describe('the «end date has passed» offer, by the launch right', () => {
  it('with launch: the button, and «press Launch now»', () => {
    const markup = render('ru', true, false);
    expect(markup).toContain(BUTTON);
    expect(markup).toContain('сохраните и нажмите «Запустить сейчас»');
  });

  it('without launch, a published campaign: no button, whom to ask (ru, en)', () => {
    expect(render('ru', false, true, true)).not.toContain(BUTTON);
    expect(render('ru', false, true, true)).toContain(
      'Перенести окончание и нажать «Возобновить» может только тот, у кого есть право «Запуск акций»: попросите его.',
    );
    expect(render('en', undefined, true, true)).toContain('Only a member with the «Launching campaigns» right');
  });

  it('without launch, a draft: the button, and who presses Launch after (ru, en)', () => {
    const ru = render('ru', false, false);
    expect(ru).toContain(BUTTON);
    expect(ru).toContain('а нажать «Запустить сейчас» сможет тот, у кого есть право «Запуск акций»');
    expect(render('en', false, false)).toContain('a member with the «Launching campaigns» right can then press');
  });
});
