/** `useApp()` for the calculator screens, with their strings as `tc` (they live in the calculator's chunk). */
import { useMemo } from 'react';
import { type AppServices, useApp } from '../../app-context.ts';
import { type CalculatorMessages, calculatorEn, calculatorRu } from './i18n-calculator.ts';

export function useCalculatorApp(): AppServices & { tc: CalculatorMessages } {
  const app = useApp();
  return useMemo(() => ({ ...app, tc: app.language === 'ru' ? calculatorRu : calculatorEn }), [app]);
}
