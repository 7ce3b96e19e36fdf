/** Small fields of the calculator editor: a text in both languages (a missing one marked) and a number. */
import { FormItem, FormLayoutGroup, Input } from '@vkontakte/vkui';
import { fill } from '../../i18n-fill.ts';
import { type AnyText, asText, missingLanguage, type Text } from './calculator-draft.ts';
import type { CalculatorEditorMessages } from './i18n-calculator-editor.ts';

export function TextPair({
  label,
  value,
  onChange,
  testId,
  t,
  hint,
}: {
  label: string;
  value: AnyText;
  onChange(value: Text): void;
  testId: string;
  t: CalculatorEditorMessages;
  hint?: string | undefined;
}) {
  const text = asText(value);
  const missing = missingLanguage(value);
  return (
    <FormLayoutGroup mode="horizontal" segmented={false}>
      {(['ru', 'en'] as const).map((lang) => (
        <FormItem
          key={lang}
          top={`${label} · ${lang.toUpperCase()}`}
          status={missing === lang ? 'error' : 'default'}
          bottom={
            missing === lang ? (
              <span data-testid={`${testId}-missing-${lang}`}>{`${t.missingTranslation} (${lang.toUpperCase()})`}</span>
            ) : lang === 'ru' ? (
              hint
            ) : undefined
          }
        >
          <Input
            value={text[lang]}
            onChange={(e) => onChange({ ...text, [lang]: e.target.value })}
            data-testid={`${testId}-${lang}`}
          />
        </FormItem>
      ))}
    </FormLayoutGroup>
  );
}

export function NumberInput({
  label,
  value,
  onChange,
  testId,
  error,
}: {
  label: string;
  value: number | undefined;
  onChange(value: number): void;
  testId: string;
  error?: string | undefined;
}) {
  return (
    <FormItem top={label} status={error ? 'error' : 'default'} bottom={error}>
      <Input
        type="number"
        value={value === undefined ? '' : String(value)}
        onChange={(e) => {
          const n = e.target.value.trim() === '' ? 0 : Number(e.target.value);
          if (Number.isFinite(n)) onChange(n);
        }}
        data-testid={testId}
      />
    </FormItem>
  );
}

/** "character 16" for a 0-based position 15. */
export function positionText(t: CalculatorEditorMessages, position: number): string {
  return fill(t.formulaAt, { n: position + 1 });
}
