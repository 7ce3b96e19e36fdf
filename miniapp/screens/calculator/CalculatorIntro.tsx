/** The calculator campaign's home section: what it does and the way into the calculator panel. */
import { Button, Div, Group, Header, Paragraph } from '@vkontakte/vkui';
import type { CampaignState } from '../../api/client.ts';
import { paths, useRouteNavigator } from '../../routes.ts';
import { useCalculatorApp } from './use-calculator-app.ts';

export function CalculatorIntro({ data }: { data: CampaignState }) {
  const { t, tc } = useCalculatorApp();
  const navigator = useRouteNavigator();
  return (
    <Group header={<Header>{t.mechanic_calculator}</Header>}>
      <Div>
        <Paragraph>{tc.calculatorIntro}</Paragraph>
      </Div>
      <Div>
        <Button
          size="l"
          stretched
          disabled={data.campaign.phase !== 'running'}
          onClick={() => navigator.push(paths.calculator(data.campaign.id))}
          data-testid="calculator-open"
        >
          {tc.calculatorOpen}
        </Button>
      </Div>
    </Group>
  );
}
