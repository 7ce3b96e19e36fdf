/**
 * The calculator's own panel (`/campaign/:id/calculator`): opens it on the server (stage calculator_opened). A deep
 * link may bring someone here first: the campaign is joined before, as its own screen does (otherwise 409 not_joined,
 * found from outside).
 */
import { Panel } from '@vkontakte/vkui';
import { useMemo } from 'react';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import { useAsync } from '../../use-async.ts';
import { useRouteId } from '../../use-route-id.ts';
import { LoadState } from '../LoadState.tsx';
import { useCampaignState } from '../promo/campaign-store.ts';
import { CalculatorScreen } from './CalculatorScreen.tsx';
import { calculatorApi } from './calculator-api.ts';
import { useCalculatorApp } from './use-calculator-app.ts';

export function CalculatorPanel({ id }: { id: string }) {
  const { api, t, tc } = useCalculatorApp();
  const campaignId = useRouteId();
  const calc = useMemo(() => calculatorApi(api), [api]);
  const campaign = useCampaignState(campaignId).state;
  // Ready is not yet joined: a state the page already held (the first-screen request) is shown before the campaign
  // store's own open. A campaign that cannot be joined now (not running) goes on to the calculator's own answer.
  const joined =
    campaign.status === 'ready' && (campaign.data.participant !== null || campaign.data.campaign.phase !== 'running');
  const opened = useAsync(
    () => calc.open(campaignId ?? 0),
    [calc, campaignId, joined],
    campaignId !== undefined && joined,
  );
  const state = campaign.status === 'error' ? campaign : opened;
  return (
    <Panel id={id}>
      <PanelHeaderWithBack back={t.back}>{tc.calculatorTitle}</PanelHeaderWithBack>
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
