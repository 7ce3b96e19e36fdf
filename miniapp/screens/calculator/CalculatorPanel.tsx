/** The calculator's own panel (`/campaign/:id/calculator`): opens it on the server (stage calculator_opened). */
import { Panel, PanelHeader, PanelHeaderBack } from '@vkontakte/vkui';
import { useMemo } from 'react';
import { useRouteNavigator } from '../../routes.ts';
import { useAsync } from '../../use-async.ts';
import { useRouteId } from '../../use-route-id.ts';
import { LoadState } from '../LoadState.tsx';
import { CalculatorScreen } from './CalculatorScreen.tsx';
import { calculatorApi } from './calculator-api.ts';
import { useCalculatorApp } from './use-calculator-app.ts';

export function CalculatorPanel({ id }: { id: string }) {
  const { api, t, tc } = useCalculatorApp();
  const navigator = useRouteNavigator();
  const campaignId = useRouteId();
  const calc = useMemo(() => calculatorApi(api), [api]);
  const state = useAsync(() => calc.open(campaignId ?? 0), [calc, campaignId], campaignId !== undefined);
  return (
    <Panel id={id}>
      <PanelHeader before={<PanelHeaderBack onClick={() => navigator.back()} label={t.back} />}>
        {tc.calculatorTitle}
      </PanelHeader>
      <LoadState state={state}>
        {(view) => (
          <CalculatorScreen
            key={campaignId}
            view={view}
            calculate={(inputs) => calc.calculate(campaignId ?? 0, inputs)}
            sendLead={(body) => calc.sendLead(campaignId ?? 0, body)}
          />
        )}
      </LoadState>
    </Panel>
  );
}
