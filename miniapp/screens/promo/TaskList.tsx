/** The campaign's tasks as a checklist, with the share of them done. */

import { Footnote, Group, Header, Placeholder, Progress } from '@vkontakte/vkui';
import type { CampaignState } from '../../api/client.ts';
import { fill } from '../../i18n-fill.ts';
import { paths, useRouteNavigator } from '../../routes.ts';
import { useCampaignActions } from './campaign-store.ts';
import { TaskCell } from './TaskCell.tsx';
import { usePromoApp } from './use-promo-app.ts';

interface Props {
  data: CampaignState;
  title?: string;
  showProgress?: boolean;
}

export function TaskList({ data, title, showProgress = true }: Props) {
  const { t } = usePromoApp();
  const navigator = useRouteNavigator();
  const { patchTask, refresh } = useCampaignActions(data.campaign.id);
  const { done, total } = data.progress;
  const id = data.campaign.id;
  return (
    <Group header={<Header>{title ?? t.tasks}</Header>} data-testid="task-list">
      {showProgress && total > 0 && (
        <div style={{ padding: '0 var(--vkui--size_base_padding_horizontal--regular) 12px' }}>
          <Footnote style={{ color: 'var(--vkui--color_text_secondary)', marginBottom: 8 }} data-testid="progress">
            {fill(t.progress, { done, total })}
          </Footnote>
          <Progress value={total ? (done / total) * 100 : 0} aria-label={fill(t.progress, { done, total })} />
        </div>
      )}
      {data.tasks.length === 0 &&
        // The server lists only what can be done on this platform; tasks it left out exist, just not here.
        (data.tasksNotHere > 0 ? (
          <Placeholder title={t.noTasksHereTitle} data-testid="no-tasks-here">
            {t.noTasksHereText}
          </Placeholder>
        ) : (
          <Placeholder title={t.noTasksTitle}>{t.noTasksText}</Placeholder>
        ))}
      {data.tasks.map((task) => (
        <TaskCell
          key={task.key}
          campaignId={id}
          task={task}
          actionable={data.campaign.phase === 'running'}
          onTask={(next) => {
            patchTask(next);
            // Progress, rewards and wheel attempts follow from the task; read them back.
            void refresh();
          }}
          onOpenQuiz={(q) => navigator.push(paths.taskQuiz(id, q.key))}
        />
      ))}
    </Group>
  );
}
