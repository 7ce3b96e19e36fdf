/**
 * The questions on the participant's help screen (`settings.faq`, server/support/faq.ts): a question and its answer
 * per row, in the language being edited. English is optional there, so an empty English text is left out rather than
 * sent blank (the server refuses a blank text); an empty Russian one is sent and refused on its field. Removing the
 * last question clears the setting: the help screen then shows none.
 */
import { Div, Footnote, FormLayoutGroup, Group, Header, Placeholder } from '@vkontakte/vkui';
import { MAX_FAQ_QUESTIONS } from '../../../../server/support/faq-bounds.ts';
import { fill } from '../../../i18n-fill.ts';
import type { CampaignSettings, Localized } from '../../office-api.ts';
import { removeAt, replaceAt, type SectionProps } from '../document-edit.ts';
import { useEditor } from '../editor-context.ts';
import { BilingualField } from '../fields.tsx';
import { AddRowButton, RemoveRowButton } from '../RowButtons.tsx';

type Faq = NonNullable<CampaignSettings['faq']>;
type FaqText = Faq[number]['q'];

const editable = (text: FaqText): Localized => ({ ru: text.ru, en: text.en ?? '' });
const saved = (text: Localized): FaqText => (text.en === '' ? { ru: text.ru } : { ru: text.ru, en: text.en });

export function FaqSection({ doc, edit }: SectionProps) {
  const { t, readOnly } = useEditor();
  const faq = doc.settings.faq ?? [];
  const setFaq = (change: (faq: Faq) => Faq) =>
    edit((d) => {
      const { faq: before, ...settings } = d.settings;
      const next = change(before ?? []);
      return { ...d, settings: next.length === 0 ? settings : { ...settings, faq: next } };
    });
  return (
    <Group header={<Header>{t.faqSection}</Header>} data-testid="office-faq">
      {faq.length === 0 && <Placeholder>{t.faqNone}</Placeholder>}
      {faq.map((item, i) => {
        const at = `settings.faq.${i}`;
        return (
          // Rows have no key of their own: a question's place is its identity, as the server's paths name it.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <FormLayoutGroup key={i} mode="vertical" segmented data-testid={`office-faq-${i}`}>
            <BilingualField
              label={fill(t.faqItem, { n: i + 1 })}
              path={`${at}.q`}
              value={editable(item.q)}
              onChange={(q) => setFaq((f) => replaceAt(f, i, (x) => ({ ...x, q: saved(q) })))}
            />
            <BilingualField
              label={t.faqAnswer}
              path={`${at}.a`}
              multiline
              value={editable(item.a)}
              onChange={(a) => setFaq((f) => replaceAt(f, i, (x) => ({ ...x, a: saved(a) })))}
            />
            <RemoveRowButton onRemove={() => setFaq((f) => removeAt(f, i))}>{t.removeFaq}</RemoveRowButton>
          </FormLayoutGroup>
        );
      })}
      {faq.length < MAX_FAQ_QUESTIONS ? (
        <AddRowButton testId="office-add-faq" onAdd={() => setFaq((f) => [...f, { q: { ru: '' }, a: { ru: '' } }])}>
          {t.addFaq}
        </AddRowButton>
      ) : (
        !readOnly && (
          <Div>
            <Footnote data-testid="office-faq-cap">{fill(t.faqAtCap, { n: MAX_FAQ_QUESTIONS })}</Footnote>
          </Div>
        )
      )}
    </Group>
  );
}
