/**
 * The help screen's questions in the editor stop at the server's bound (server/support/faq-bounds.ts): at the cap
 * "Add a question" gives way to the bound, worded in Russian and English; below it, the button is offered. With no
 * question the section says what the help screen shows instead.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MAX_FAQ_QUESTIONS } from '../../../../server/support/faq-bounds.ts';
import type { ApiClient } from '../../../api/client.ts';
import { AppContext, type AppServices } from '../../../app-context.ts';
import { messages } from '../../../i18n.ts';
import { officeMessages } from '../../i18n-office.ts';
import type { CampaignDocument } from '../../office-api.ts';
import { FaqSection } from './FaqSection.tsx';

/** A text as the markup holds it (its quotes escaped). */
const html = (text: string) => text.replaceAll('"', '&quot;');

function render(language: 'ru' | 'en', questions: number): string {
  const app = { language, t: messages[language], api: {} as ApiClient } as AppServices;
  const faq = Array.from({ length: questions }, (_, i) => ({ q: { ru: `Вопрос ${i}` }, a: { ru: `Ответ ${i}` } }));
  const doc = { settings: questions === 0 ? {} : { faq } } as CampaignDocument;
  return renderToStaticMarkup(
    <AppContext.Provider value={app}>
      <FaqSection doc={doc} edit={() => {}} />
    </AppContext.Provider>,
  );
}

describe('the help questions in the editor', () => {
  it('none: the section says so, and offers "Add a question" (ru, en)', () => {
    for (const language of ['ru', 'en'] as const) {
      const markup = render(language, 0);
      expect(markup, language).toContain(html(officeMessages[language].faqNone));
      expect(markup, language).toContain(officeMessages[language].addFaq);
    }
  });

  it('at the cap: no "Add a question", the bound said instead (ru, en)', () => {
    const said = { ru: `Вопросов не больше ${MAX_FAQ_QUESTIONS}`, en: `At most ${MAX_FAQ_QUESTIONS} questions` };
    for (const language of ['ru', 'en'] as const) {
      expect(render(language, MAX_FAQ_QUESTIONS - 1), language).toContain(officeMessages[language].addFaq);
      const markup = render(language, MAX_FAQ_QUESTIONS);
      expect(markup, language).not.toContain(officeMessages[language].addFaq);
      expect(markup).toContain('data-testid="office-faq-cap"');
      expect(markup).toContain(said[language]);
    }
  });
});
