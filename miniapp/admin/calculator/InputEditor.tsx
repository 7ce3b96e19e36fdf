/** One calculator input in the editor: name, label ru/en, kind and that kind's settings; move up/down, remove. */
import { Button, ButtonGroup, Checkbox, FormItem, Group, Header, Input, NativeSelect } from '@vkontakte/vkui';
import { inputOfKind } from './calculator-draft.ts';
import type { CalculatorInputConfig, InputKind } from './calculator-office-api.ts';
import { NumberInput, TextPair } from './editor-fields.tsx';
import type { CalculatorEditorMessages } from './i18n-calculator-editor.ts';

const KINDS: readonly InputKind[] = ['number', 'slider', 'select', 'yes_no'];

interface Props {
  input: CalculatorInputConfig;
  index: number;
  count: number;
  t: CalculatorEditorMessages;
  /** The server's refusals for this input, by field (`max`, `name`, …). */
  issues: Record<string, string>;
  onChange(input: CalculatorInputConfig): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}

function KindSettings({
  input,
  t,
  issues,
  onChange,
  id,
}: Omit<Props, 'index' | 'count' | 'onMove' | 'onRemove'> & { id: string }) {
  switch (input.kind) {
    case 'number':
    case 'slider':
      return (
        <>
          <NumberInput
            label={t.min}
            value={input.min}
            onChange={(min) => onChange({ ...input, min })}
            testId={`${id}-min`}
            error={issues.min}
          />
          <NumberInput
            label={t.max}
            value={input.max}
            onChange={(max) => onChange({ ...input, max })}
            testId={`${id}-max`}
            error={issues.max}
          />
          {input.kind === 'slider' && (
            <NumberInput
              label={t.step}
              value={input.step}
              onChange={(step) => onChange({ ...input, step })}
              testId={`${id}-step`}
              error={issues.step}
            />
          )}
          <NumberInput
            label={t.defaultValue}
            value={input.default}
            onChange={(d) => onChange({ ...input, default: d })}
            testId={`${id}-default`}
            error={issues.default}
          />
        </>
      );
    case 'select':
      return (
        <FormItem top={t.options} status={issues.options ? 'error' : 'default'} bottom={issues.options}>
          {input.options.map((option, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: options have no id; their order is their identity here.
            <div key={i} style={{ display: 'flex', gap: 8, marginBottom: 8 }}>
              <Input
                type="number"
                style={{ width: 100, flex: 'none' }}
                aria-label={t.optionValue}
                value={String(option.value)}
                onChange={(e) => {
                  const value = Number(e.target.value);
                  if (!Number.isFinite(value)) return;
                  onChange({ ...input, options: input.options.map((o, j) => (j === i ? { ...o, value } : o)) });
                }}
                data-testid={`${id}-option-${i}-value`}
              />
              <Input
                value={typeof option.label === 'string' ? option.label : (option.label.ru ?? '')}
                onChange={(e) => {
                  const label =
                    typeof option.label === 'string' ? { ru: e.target.value } : { ...option.label, ru: e.target.value };
                  onChange({ ...input, options: input.options.map((o, j) => (j === i ? { ...o, label } : o)) });
                }}
                data-testid={`${id}-option-${i}-ru`}
              />
              <Input
                value={typeof option.label === 'string' ? '' : (option.label.en ?? '')}
                onChange={(e) => {
                  const label =
                    typeof option.label === 'string'
                      ? { ru: option.label, en: e.target.value }
                      : { ...option.label, en: e.target.value };
                  onChange({ ...input, options: input.options.map((o, j) => (j === i ? { ...o, label } : o)) });
                }}
                data-testid={`${id}-option-${i}-en`}
              />
              <Button
                mode="tertiary"
                disabled={input.options.length <= 2}
                onClick={() => onChange({ ...input, options: input.options.filter((_, j) => j !== i) })}
              >
                ✕
              </Button>
            </div>
          ))}
          <Button
            mode="secondary"
            onClick={() =>
              onChange({
                ...input,
                options: [...input.options, { value: input.options.length + 1, label: { ru: '', en: '' } }],
              })
            }
          >
            {t.addOption}
          </Button>
        </FormItem>
      );
    case 'yes_no':
      return (
        <FormItem>
          <Checkbox
            checked={input.default === true}
            onChange={(e) => onChange({ ...input, default: e.target.checked })}
          >
            {t.defaultYes}
          </Checkbox>
        </FormItem>
      );
  }
}

export function InputEditor({ input, index, count, t, issues, onChange, onMove, onRemove }: Props) {
  const id = `calc-edit-input-${index}`;
  return (
    <Group mode="card" header={<Header>{`${index + 1}. ${input.name}`}</Header>} data-testid={id}>
      <FormItem top={t.inputName} status={issues.name ? 'error' : 'default'} bottom={issues.name}>
        <Input
          value={input.name}
          onChange={(e) => onChange({ ...input, name: e.target.value })}
          data-testid={`${id}-name`}
        />
      </FormItem>
      <TextPair
        label={t.inputLabel}
        value={input.label}
        onChange={(label) => onChange({ ...input, label })}
        testId={`${id}-label`}
        t={t}
      />
      <FormItem top={t.inputKind}>
        <NativeSelect
          value={input.kind}
          onChange={(e) => onChange(inputOfKind(e.target.value as InputKind, input))}
          data-testid={`${id}-kind`}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t[`kind_${k}`]}
            </option>
          ))}
        </NativeSelect>
      </FormItem>
      <KindSettings input={input} t={t} issues={issues} onChange={onChange} id={id} />
      <FormItem>
        <ButtonGroup gap="s">
          <Button mode="secondary" disabled={index === 0} onClick={() => onMove(-1)} data-testid={`${id}-up`}>
            {t.moveUp}
          </Button>
          <Button mode="secondary" disabled={index === count - 1} onClick={() => onMove(1)} data-testid={`${id}-down`}>
            {t.moveDown}
          </Button>
          <Button
            mode="secondary"
            appearance="negative"
            disabled={count <= 1}
            onClick={onRemove}
            data-testid={`${id}-remove`}
          >
            {t.remove}
          </Button>
        </ButtonGroup>
      </FormItem>
    </Group>
  );
}
