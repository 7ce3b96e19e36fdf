/**
 * «Who is stuck where» for one campaign (`#/admin/campaign/:id/stats/stuck?hours=24`): each funnel stage with how many
 * people have stood at it for at least the chosen time, each opening the list of them. Every count in one answer
 * (`…/stuck/counts`), which the server reads with the list's own condition, so this screen and the list never disagree. The funnel's last stage is its
 * finish: whoever stands there is done, not stuck, so it is named as the finish and not counted.
 */
import { Footnote, Group, Header, SimpleCell } from '@vkontakte/vkui';
import { useApp } from '../../app-context.ts';
import { fill } from '../../i18n-fill.ts';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import { paths, useRouteNavigator } from '../../routes.ts';
import { LoadState } from '../../screens/LoadState.tsx';
import { useAsync } from '../../use-async.ts';
import { stuckStrings } from '../i18n-stuck.ts';
import { LoadStateScreen } from '../LoadStateScreen.tsx';
import { stageLabel } from '../stage-label.ts';
import { campaignFunnel } from './campaign-funnel.ts';
import { StuckHoursChoice } from './StuckHoursChoice.tsx';
import { formatInt } from './stats-format.ts';
import { fetchStuckCounts, type StuckHours } from './stuck-api.ts';

export function StuckStages({ campaignId, hours }: { campaignId: number; hours: StuckHours }) {
  const { api, language } = useApp();
  const s = stuckStrings(language);
  const navigator = useRouteNavigator();
  const funnel = useAsync(() => campaignFunnel(api, campaignId), [api, campaignId]);
  const all = funnel.status === 'ready' ? funnel.data.stages : [];
  const stages = all.slice(0, -1);
  const finish = all.at(-1);
  const counts = useAsync(() => fetchStuckCounts(api, campaignId, hours), [api, campaignId, hours]);
  if (funnel.status !== 'ready') return <LoadStateScreen state={funnel} title={s.title} />;
  const { title, taskTitles } = funnel.data;
  return (
    <>
      <PanelHeaderWithBack back={s.back}>{s.title}</PanelHeaderWithBack>
      <Group header={<Header multiline>{title}</Header>}>
        <StuckHoursChoice s={s} hours={hours} onChange={(h) => navigator.replace(paths.adminStuck(campaignId, h))} />
      </Group>
      <Group
        data-testid="stuck-stages"
        header={
          <Header multiline subtitle={s.stagesHint}>
            {s.stages}
          </Header>
        }
      >
        <LoadState state={counts}>
          {(answer) =>
            stages.map((stage) => {
              const n = answer.stages.find((c) => c.stage === stage)?.count ?? 0;
              return (
                <SimpleCell
                  key={stage}
                  multiline
                  chevron="always"
                  data-testid={`stuck-stage-${stage}`}
                  onClick={() => void navigator.push(paths.adminStuckStage(campaignId, stage, hours))}
                  after={
                    <span data-testid={`stuck-count-${stage}`} data-value={n}>
                      {formatInt(n, language)}
                    </span>
                  }
                >
                  {stageLabel(stage, language, taskTitles)}
                </SimpleCell>
              );
            })
          }
        </LoadState>
        {finish === undefined ? null : (
          <Footnote data-testid="stuck-finish" style={{ padding: '8px 16px 12px' }}>
            {fill(s.finish, { stage: stageLabel(finish, language, taskTitles) })}
          </Footnote>
        )}
      </Group>
    </>
  );
}
