/** The calculator's inputs as VKUI form fields: number with its range, slider, select, yes/no; a refusal under each. */
import { Checkbox, FormItem, Input, NativeSelect, Slider } from '@vkontakte/vkui';
import type { CalculatorInputView } from './calculator-api.ts';
import type { FieldValues } from './calculator-fields.ts';

interface Props {
  inputs: CalculatorInputView[];
  values: FieldValues;
  errors: Record<string, string>;
  onChange(name: string, value: string | number | boolean): void;
}

function Field({
  input,
  value,
  onChange,
}: {
  input: CalculatorInputView;
  value: FieldValues[string] | undefined;
  onChange(value: string | number | boolean): void;
}) {
  const testId = `calc-input-${input.name}`;
  switch (input.kind) {
    case 'number':
      return (
        <Input
          type="text"
          inputMode="decimal"
          value={String(value ?? '')}
          placeholder={`${input.min}–${input.max}`}
          onChange={(e) => onChange(e.target.value)}
          data-testid={testId}
        />
      );
    case 'slider':
      return (
        <Slider
          min={input.min}
          max={input.max}
          step={input.step}
          value={typeof value === 'number' ? value : input.min}
          onChange={(v) => onChange(v)}
          withTooltip
          data-testid={testId}
        />
      );
    case 'select':
      return (
        // The native select, not VKUI's adaptive Select: that one pulls CustomSelect and its popper into the
        // participant's bundle (about 18 KB gzip, most of the vk-ios archive's growth), and a phone shows its own picker.
        <NativeSelect
          // Starts on the first option (calculator-fields.ts), so there is always a value to show.
          value={String(value)}
          onChange={(e) => onChange(Number(e.target.value))}
          data-testid={testId}
        >
          {input.options.map((o) => (
            <option key={o.value} value={String(o.value)}>
              {o.label}
            </option>
          ))}
        </NativeSelect>
      );
    case 'yes_no':
      return (
        <Checkbox checked={value === true} onChange={(e) => onChange(e.target.checked)} data-testid={testId}>
          {input.label}
        </Checkbox>
      );
  }
}

export function CalculatorInputs({ inputs, values, errors, onChange }: Props) {
  return (
    <>
      {inputs.map((input) => {
        const error = errors[input.name];
        // A yes/no carries its label on the checkbox itself; a slider shows its value beside the label.
        const shown =
          input.kind === 'yes_no'
            ? undefined
            : input.kind === 'slider'
              ? `${input.label}: ${values[input.name] ?? input.min}`
              : input.label;
        return (
          <FormItem
            key={input.name}
            top={shown}
            status={error ? 'error' : 'default'}
            bottom={error}
            data-testid={`calc-field-${input.name}`}
          >
            <Field input={input} value={values[input.name]} onChange={(v) => onChange(input.name, v)} />
          </FormItem>
        );
      })}
    </>
  );
}
