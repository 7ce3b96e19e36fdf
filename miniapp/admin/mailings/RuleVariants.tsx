/**
 * The rule editor's variants (A/B…, split evenly): each with its text per language and the screen its button opens.
 * Each field shows the problem found at it (a blank, or the server's 422 at its path: rule-fields.ts).
 */
import { Button, Div, FormItem, Group, Header, Textarea } from '@vkontakte/vkui';
import { fill } from '../../i18n-fill.ts';
import { DeepLinkSelect } from './DeepLinkSelect.tsx';
import { LANGUAGES, type MailingOptions, type NewRule } from './mailing-api.ts';
import type { MailingsServices } from './use-mailings.ts';

type Variants = NewRule['variants'];

/** A field's mark: VKUI's error status and the problem's words under it, and the field's test id. */
export type FieldMark = (id: string) => { status: 'error' | 'default'; bottom?: string; 'data-testid': string };

export function RuleVariants({
  m,
  options,
  variants,
  mark,
  onEdit,
  onReshape,
}: {
  m: MailingsServices['m'];
  options: MailingOptions;
  variants: Variants;
  mark: FieldMark;
  /** One field (by its id in rule-fields.ts) was changed: its own marks go. */
  onEdit: (field: string, next: Variants) => void;
  /** A variant was added or removed: the places the server's marks pointed at have moved. */
  onReshape: (next: Variants) => void;
}) {
  return (
    <Group header={<Header subtitle={m.split}>{m.variants}</Header>}>
      {variants.map((v, i) => {
        const edit = (field: string, patch: Partial<typeof v>) =>
          onEdit(
            `variants.${i}.${field}`,
            variants.map((x, j) => (j === i ? { ...x, ...patch } : x)),
          );
        const variantMark = mark(`variants.${i}`);
        return (
          <Div key={v.key}>
            <Header>{fill(m.variant, { key: v.key })}</Header>
            {LANGUAGES.map((l) => {
              const here = mark(`variants.${i}.texts.${l}`);
              return (
                <FormItem key={l} top={fill(m.text, { language: m[`language_${l}`] })} {...here}>
                  <Textarea
                    status={here.status}
                    value={v.texts?.[l] ?? (l === 'ru' ? v.text : '')}
                    onChange={(e) => edit(`texts.${l}`, { texts: { ...v.texts, [l]: e.target.value } })}
                  />
                </FormItem>
              );
            })}
            <FormItem top={m.deepLink} {...mark(`variants.${i}.fragment`)}>
              <DeepLinkSelect
                m={m}
                screens={options.screens}
                value={v.fragment ?? ''}
                onChange={(hash) => edit('fragment', { fragment: hash || undefined })}
              />
            </FormItem>
            {/* A problem with the variant as a whole (its key): said under it. */}
            {variantMark.bottom && <FormItem {...variantMark} />}
            {variants.length > 1 && (
              <Button
                mode="tertiary"
                appearance="negative"
                onClick={() => onReshape(variants.filter((_, j) => j !== i))}
              >
                {m.removeVariant}
              </Button>
            )}
          </Div>
        );
      })}
      {/* A problem with the list (keys repeated, a notification text too long): said under it. */}
      {mark('variants').bottom && <FormItem {...mark('variants')} />}
      {variants.length < 10 && (
        <Div>
          <Button
            mode="secondary"
            onClick={() =>
              onReshape([...variants, { key: String.fromCharCode(65 + variants.length), text: '', texts: {} }])
            }
          >
            {m.addVariant}
          </Button>
        </Div>
      )}
    </Group>
  );
}
