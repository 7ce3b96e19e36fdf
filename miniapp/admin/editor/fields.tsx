/**
 * The editor's field kinds, each a VKUI FormItem with the problems the server reported at its path shown under it
 * and the id a problem link scrolls to: a two-language text (edited in the chosen language, marked when the other
 * one is empty), a number (optionally empty), a choice and a check box.
 */
import { Checkbox, FormItem, Input, NativeSelect, Textarea } from '@vkontakte/vkui';
import type { ReactNode } from 'react';
import type { Localized, LocalizedSetting } from '../office-api.ts';
import { fieldId, problemsAt, problemText, useEditor } from './editor-context.ts';

function useFieldStatus(path: string, hint?: ReactNode) {
  const { problems, t, language } = useEditor();
  const here = problemsAt(problems, path);
  const error = here.find((p) => p.severity === 'error');
  const shown = error ?? here[0];
  return {
    status: error ? ('error' as const) : shown ? ('default' as const) : undefined,
    bottom: shown ? problemText(t, shown, language) : hint,
  };
}

/** A `{ru, en}` text; the other language's emptiness is marked so no translation is forgotten. */
export function BilingualField({
  label,
  path,
  value,
  onChange,
  multiline,
  hint,
}: {
  label: string;
  path: string;
  value: Localized;
  onChange: (value: Localized) => void;
  multiline?: boolean;
  hint?: ReactNode;
}) {
  const { lang, readOnly, t } = useEditor();
  const other = lang === 'ru' ? 'en' : 'ru';
  // A text empty in both languages is simply not used (an optional description); one language alone is a gap.
  const missing =
    value[lang] === '' && value[other] !== '' ? lang : value[other] === '' && value[lang] !== '' ? other : null;
  const missingMark = missing && (
    <span style={{ color: 'var(--vkui--color_text_negative)' }} data-testid="office-missing-translation">
      {t.missingTranslation} ({missing.toUpperCase()})
    </span>
  );
  const { status, bottom } = useFieldStatus(path, missingMark || hint);
  const props = {
    id: fieldId(path),
    value: value[lang],
    disabled: readOnly,
    'data-testid': fieldId(path),
    onChange: (e: { target: { value: string } }) => onChange({ ...value, [lang]: e.target.value }),
  };
  return (
    <FormItem top={`${label} · ${lang.toUpperCase()}`} htmlFor={props.id} status={status} bottom={bottom}>
      {multiline ? <Textarea {...props} rows={3} /> : <Input {...props} />}
    </FormItem>
  );
}

/** Settings texts may be a plain string (read as Russian): edited as `{ru, en}` and written back that way. */
export function asBilingual(text: LocalizedSetting | undefined): Localized {
  if (text === undefined) return { ru: '', en: '' };
  if (typeof text === 'string') return { ru: text, en: '' };
  return { ru: text.ru ?? '', en: text.en ?? '' };
}

export function NumberField({
  label,
  path,
  value,
  onChange,
  nullable,
  min = 0,
  max,
  hint,
}: {
  label: string;
  path: string;
  value: number | null | undefined;
  onChange: (value: number | null) => void;
  nullable?: boolean;
  min?: number;
  /** The browser's spinner stops here; a number typed past it is still sent, and the server's refusal shown. */
  max?: number;
  /** Shown under the field when the server names no problem there. */
  hint?: ReactNode;
}) {
  const { readOnly } = useEditor();
  const { status, bottom } = useFieldStatus(path, hint);
  return (
    <FormItem top={label} htmlFor={fieldId(path)} status={status} bottom={bottom}>
      <Input
        id={fieldId(path)}
        data-testid={fieldId(path)}
        type="number"
        min={min}
        max={max}
        disabled={readOnly}
        value={value === null || value === undefined ? '' : String(value)}
        onChange={(e) => {
          const raw = e.target.value.trim();
          if (raw === '') onChange(nullable ? null : min);
          else if (Number.isFinite(Number(raw))) onChange(Math.trunc(Number(raw)));
        }}
      />
    </FormItem>
  );
}

export function TextField({
  label,
  path,
  value,
  onChange,
  type = 'text',
  hint,
}: {
  label: string;
  path: string;
  value: string;
  onChange: (value: string) => void;
  type?: string;
  /** Shown under the field when the server names no problem there. */
  hint?: ReactNode;
}) {
  const { readOnly } = useEditor();
  const { status, bottom } = useFieldStatus(path, hint);
  return (
    <FormItem top={label} htmlFor={fieldId(path)} status={status} bottom={bottom}>
      <Input
        id={fieldId(path)}
        data-testid={fieldId(path)}
        type={type}
        disabled={readOnly}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </FormItem>
  );
}

export function ChoiceField<V extends string>({
  label,
  path,
  value,
  options,
  onChange,
  hint,
  disabled,
}: {
  label: string;
  path: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
  /** Shown under the field when the server names no problem there. */
  hint?: ReactNode;
  /** Disabled beside a read-only form (a published campaign's zone for a member without `launch`). */
  disabled?: boolean | undefined;
}) {
  const { readOnly } = useEditor();
  const { status, bottom } = useFieldStatus(path, hint);
  return (
    <FormItem top={label} htmlFor={fieldId(path)} status={status} bottom={bottom}>
      <NativeSelect
        id={fieldId(path)}
        data-testid={fieldId(path)}
        disabled={readOnly || disabled}
        value={value}
        onChange={(e) => onChange(e.target.value as V)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
    </FormItem>
  );
}

export function CheckField({
  label,
  path,
  checked,
  onChange,
}: {
  label: string;
  path: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { readOnly } = useEditor();
  const { status, bottom } = useFieldStatus(path);
  return (
    <FormItem status={status} bottom={bottom}>
      <Checkbox
        id={fieldId(path)}
        data-testid={fieldId(path)}
        disabled={readOnly}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      >
        {label}
      </Checkbox>
    </FormItem>
  );
}
