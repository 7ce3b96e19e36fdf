/** Campaign home: what it is, its phase, the user's progress and the mechanic (tasks, quiz, wheel, pack code, calculator). */
import { Div, Group, Panel, Paragraph, Title } from '@vkontakte/vkui';
import type { CampaignState } from '../api/client.ts';
import { useRouteId } from '../use-route-id.ts';
import { campaignSubtitle } from './CampaignBadge.tsx';
import { CampaignPanelHeader } from './CampaignPanelHeader.tsx';
import { CalculatorIntro } from './calculator/CalculatorIntro.tsx';
import { CampaignCover } from './promo/CampaignCover.tsx';
import { CampaignLinks } from './promo/CampaignLinks.tsx';
import { CampaignLoadState } from './promo/CampaignLoadState.tsx';
import { useCampaignState } from './promo/campaign-store.ts';
import { DrawSection } from './promo/DrawSection.tsx';
import { PackCodeSection } from './promo/PackCodeSection.tsx';
import { PhasePlaceholder } from './promo/PhasePlaceholder.tsx';
import { QuizIntro } from './promo/QuizIntro.tsx';
import { RewardList } from './promo/RewardList.tsx';
import { TaskList } from './promo/TaskList.tsx';
import { usePromoApp } from './promo/use-promo-app.ts';
import { WheelSection } from './promo/WheelSection.tsx';

function Mechanic({ data }: { data: CampaignState }) {
  const { t } = usePromoApp();
  if (data.campaign.phase !== 'running' && !data.participant) return null;
  switch (data.campaign.mechanic) {
    case 'quiz':
      return <QuizIntro data={data} />;
    case 'code':
      return <PackCodeSection data={data} />;
    case 'calculator':
      return <CalculatorIntro data={data} />;
    case 'wheel':
      return (
        <>
          <WheelSection data={data} />
          {(data.tasks.length > 0 || data.tasksNotHere > 0) && (
            <TaskList data={data} title={t.wheelMoreAttempts} showProgress={false} />
          )}
        </>
      );
    default:
      return (
        <>
          <TaskList data={data} />
          <RewardList data={data} />
        </>
      );
  }
}

export function CampaignPanel({ id }: { id: string }) {
  const { t, language } = usePromoApp();
  const campaignId = useRouteId();
  const { state } = useCampaignState(campaignId);
  return (
    <Panel id={id}>
      <CampaignPanelHeader campaignId={campaignId}>
        {state.status === 'ready' ? state.data.campaign.title : t.appTitle}
      </CampaignPanelHeader>
      <CampaignLoadState state={state}>
        {(data) => (
          <>
            <Group>
              <Div>
                <CampaignCover url={data.campaign.theme.coverUrl} />
                <Title level="2" data-testid="campaign-title">
                  {data.campaign.title}
                </Title>
                <Paragraph Component="p" style={{ marginTop: 8 }}>
                  {data.campaign.description}
                </Paragraph>
                <Paragraph Component="p" style={{ marginTop: 8, color: 'var(--vkui--color_text_secondary)' }}>
                  {campaignSubtitle(data.campaign, t, language)}
                </Paragraph>
              </Div>
            </Group>
            <PhasePlaceholder campaign={data.campaign} joined={data.participant !== null} />
            <Mechanic data={data} />
            {data.campaign.legalType === 'giveaway' && <DrawSection data={data} />}
            <CampaignLinks data={data} />
          </>
        )}
      </CampaignLoadState>
    </Panel>
  );
}
