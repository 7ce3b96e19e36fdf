/**
 * The formula, with the server's verdict under it as the brand types (debounced by the editor): what is wrong, in the
 * brand's language, and where, the formula shown again with the place marked.
 */
import { FormItem, Textarea } from '@vkontakte/vkui';
import type { FormulaProblem } from './calculator-draft.ts';
import { positionText } from './editor-fields.tsx';
import type { CalculatorEditorMessages } from './i18n-calculator-editor.ts';

export function FormulaField({
  value,
  onChange,
  problem,
  t,
}: {
  value: string;
  onChange(value: string): void;
  problem: FormulaProblem | undefined;
  t: CalculatorEditorMessages;
}) {
  const known = problem && (t as Record<string, string>)[problem.code];
  const bottom = problem ? (
    <span data-testid="calc-formula-error" data-position={problem.position}>
      {known ?? problem.message}
      {problem.position !== undefined && (
        <>
          {` · ${positionText(t, problem.position)}: `}
          <code style={{ whiteSpace: 'pre-wrap' }}>
            {value.slice(0, problem.position)}
            <mark data-testid="calc-formula-mark">{value.slice(problem.position, problem.position + 1) || ' '}</mark>
            {value.slice(problem.position + 1)}
          </code>
        </>
      )}
    </span>
  ) : (
    t.formulaHint
  );
  return (
    <FormItem top={t.formula} status={problem ? 'error' : 'default'} bottom={bottom}>
      <Textarea
        value={value}
        rows={2}
        spellCheck={false}
        style={{ fontFamily: 'monospace' }}
        onChange={(e) => onChange(e.target.value)}
        data-testid="calc-formula"
      />
    </FormItem>
  );
}
