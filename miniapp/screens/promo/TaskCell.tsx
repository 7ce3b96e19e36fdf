/**
 * One task of the checklist: its state (to do, in progress, done, failed with retry, not available here) and the
 * button that performs it through the platform adapter. The server's answer replaces the task in the state.
 */
import { Button, ButtonGroup, RichCell } from '@vkontakte/vkui';
import { useState } from 'react';
import type { Task } from '../../api/client.ts';
import { HAS_WEB_ENTRY } from '../../build-contents.ts';
import { plural } from '../../i18n.ts';
import { errorText } from '../../i18n-errors.ts';
import { promoPlurals } from '../../i18n-promo.ts';
import { EnterCodeForm } from './EnterCodeForm.tsx';
import { InviteActions } from './InviteActions.tsx';
import { performTask } from './task-action.ts';
import { inviteWithoutLink, quizAttemptsLeft, quizAttemptsUsed, taskIcon, taskStateText } from './task-visuals.tsx';
import { usePromoApp } from './use-promo-app.ts';

/** ButtonGroup's row wraps (it has no prop for it); its gap is a margin between buttons, the rows take the same. */
const WRAP = { flexWrap: 'wrap', rowGap: 'var(--vkui--size_button_group_gap_small--regular)' } as const;

interface Props {
  campaignId: number;
  task: Task;
  /** False when the campaign is not running: the list is shown, actions are not. */
  actionable: boolean;
  onTask: (task: Task) => void;
  onOpenQuiz: (task: Task) => void;
}

export function TaskCell({ campaignId, task, actionable, onTask, onOpenQuiz }: Props) {
  const { api, platform, t, language } = usePromoApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Whether the user acted on this task on this screen: a failure from an earlier visit is not shown over an
  // empty code field (item 17), only the task's description.
  const [actedHere, setActedHere] = useState(false);

  const run = async (action: () => Promise<Task>) => {
    setBusy(true);
    setError(null);
    try {
      onTask(await action());
    } catch (err) {
      setError(errorText(err, language));
    } finally {
      setActedHere(true);
      setBusy(false);
    }
  };

  const canAct =
    actionable &&
    task.state !== 'done' &&
    task.state !== 'unavailable' &&
    !inviteWithoutLink(task) &&
    !quizAttemptsUsed(task);
  // On the web entry a task only the VK client can do says so and links to the mini app inside VK.
  const needsVkClient = platform.name === 'web' && task.state === 'failed' && task.failure === 'unsupported';
  const label =
    task.state === 'failed'
      ? t.retry
      : task.kind === 'invite_friends' && task.state === 'in_progress'
        ? t.taskCheck
        : t[`task_${task.kind}`];
  const onClick = () =>
    task.kind === 'quiz' ? onOpenQuiz(task) : void run(() => performTask(api, platform, campaignId, task));

  let actions = null;
  if (canAct && task.kind === 'enter_code') {
    actions = <EnterCodeForm campaignId={campaignId} task={task} busy={busy} onSubmit={run} />;
  } else if (canAct) {
    actions = (
      // Wrapped, not shrunk: two buttons wider than a phone's row («Проверить» and «Скопировать ссылку» at 360 px)
      // go onto two lines whole; squeezed into one, VKUI cut both with an ellipsis.
      <ButtonGroup mode="horizontal" gap="s" stretched style={WRAP}>
        {/* Retrying here can only fail again (the story, the community join are the VK client's): only the way there. */}
        {!needsVkClient && (
          <Button
            size="s"
            mode={task.state === 'failed' ? 'secondary' : 'primary'}
            loading={busy}
            onClick={onClick}
            data-testid={`task-action-${task.key}`}
          >
            {label}
          </Button>
        )}
        {task.kind === 'invite_friends' && task.state === 'in_progress' && <InviteActions task={task} />}
        {HAS_WEB_ENTRY && needsVkClient && platform.webSession && (
          <Button size="s" mode="link" href={platform.webSession.vkAppUrl()} target="_blank" rel="noopener">
            {t.webOpenInVk}
          </Button>
        )}
      </ButtonGroup>
    );
  }

  const stateText = busy
    ? t.taskChecking
    : needsVkClient
      ? t.webNeedsVkClient
      : (error ?? taskStateText(t, task, { freshFailure: actedHere }));
  const bonus =
    task.attemptsGranted > 0 ? plural(language, task.attemptsGranted, promoPlurals[language].attemptsBonus) : undefined;
  // A quiz task's attempts left, while any are (none left, the line above says so).
  const left = task.state === 'done' ? undefined : quizAttemptsLeft(task);
  const attempts = left ? plural(language, left, promoPlurals[language].attemptsLeft) : undefined;
  const extra = [bonus, attempts].filter(Boolean).join(' · ') || undefined;
  return (
    <RichCell
      multiline
      before={taskIcon(task)}
      subtitle={stateText}
      extraSubtitle={extra}
      actions={actions}
      data-testid={`task-${task.key}`}
      data-state={task.state}
    >
      {task.title}
    </RichCell>
  );
}
