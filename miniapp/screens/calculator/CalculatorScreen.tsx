/**
 * The participant's calculator: the inputs, the result the SERVER computed shown with the brand's text, and the lead
 * form under it. The same component runs in the app (CalculatorPanel) and in the office's live preview, which passes
 * its own `calculate` (the unsaved configuration) and a `sendLead` that refuses, and sets `live` to recompute as the
 * brand types.
 */
import { Button, Div, FormItem, FormStatus, Group, Header, Paragraph, Title } from '@vkontakte/vkui';
import { useCallback, useEffect, useState } from 'react';
import { errorText } from '../../i18n-errors.ts';
import { CalculatorInputs } from './CalculatorInputs.tsx';
import type { Calculation, CalculatorValues, CalculatorView, LeadBody, LeadReceipt } from './calculator-api.ts';
import { calculatorNumber, type FieldValues, initialValues, inputErrors, toInputs } from './calculator-fields.ts';
import { LeadForm } from './LeadForm.tsx';
import { useCalculatorApp } from './use-calculator-app.ts';

export interface CalculatorScreenProps {
  view: CalculatorView;
  calculate(inputs: CalculatorValues): Promise<Calculation>;
  sendLead(body: LeadBody): Promise<LeadReceipt>;
  /** Recompute on every change (the office preview) instead of on the button. */
  live?: boolean;
}

export function CalculatorScreen({ view, calculate, sendLead, live = false }: CalculatorScreenProps) {
  const { tc, language } = useCalculatorApp();
  const [values, setValues] = useState<FieldValues>(() => initialValues(view));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  // The result with the inputs it was computed from, as sent (yes/no as booleans, which the lead route reads again).
  const [calculation, setCalculation] = useState<Calculation & { sent: CalculatorValues }>();

  const run = useCallback(async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      const sent = toInputs(view, values);
      const result = await calculate(sent);
      setErrors({});
      setCalculation({ ...result, sent });
    } catch (error) {
      setCalculation(undefined);
      const byInput = inputErrors(view, error, tc, language);
      if (byInput) setErrors(byInput);
      else {
        setErrors({});
        const code = (error as { code?: string }).code;
        setFailure(
          // invalid_formula only reaches the office preview, where the editor names the problem under the formula.
          code === 'calculation_failed' || code === 'invalid_formula'
            ? tc.calculationFailed
            : code === 'no_calculator'
              ? tc.noCalculator
              : errorText(error as Error, language),
        );
      }
    } finally {
      setBusy(false);
    }
  }, [calculate, view, values, tc, language]);

  useEffect(() => {
    if (live) void run();
  }, [live, run]);

  const change = (name: string, value: string | number | boolean) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors(({ [name]: _, ...rest }) => rest);
    // A result belongs to the values it was computed from; the lead is sent with those.
    if (!live) setCalculation(undefined);
  };

  const formatResult = (result: number) => calculatorNumber(result, view.resultDigits, language);

  return (
    <>
      <Group>
        <CalculatorInputs inputs={view.inputs} values={values} errors={errors} onChange={change} />
        {failure && (
          <FormItem>
            <FormStatus mode="error" data-testid="calc-failure">
              {failure}
            </FormStatus>
          </FormItem>
        )}
        {!live && (
          <FormItem>
            <Button size="l" stretched loading={busy} onClick={() => void run()} data-testid="calc-calculate">
              {tc.calculate}
            </Button>
          </FormItem>
        )}
      </Group>
      {calculation && (
        <Group header={<Header>{tc.resultTitle}</Header>}>
          <Div>
            <Title level="2" data-testid="calc-result">
              {calculation.text}
            </Title>
            {busy && live && (
              <Paragraph style={{ color: 'var(--vkui--color_text_secondary)' }}>{tc.calculating}</Paragraph>
            )}
          </Div>
        </Group>
      )}
      {calculation && (
        <LeadForm lead={view.lead} inputs={calculation.sent} formatResult={formatResult} sendLead={sendLead} />
      )}
    </>
  );
}
