/** How a task looks in each state: an icon for its kind or its outcome, and the line that explains the state. */
import {
  Icon28BlockOutline,
  Icon28CheckCircleOutline,
  Icon28ErrorCircleOutline,
  Icon28LinkOutline,
  Icon28MessageOutline,
  Icon28NotificationAddOutline,
  Icon28QuestionOutline,
  Icon28StoryOutline,
  Icon28TicketOutline,
  Icon28UserAddOutline,
  Icon28UsersOutline,
} from '@vkontakte/icons';
import type { ReactNode } from 'react';
import type { Task } from '../../api/client.ts';
import { fill } from '../../i18n-fill.ts';
import type { PromoServices } from './use-promo-app.ts';

type Messages = PromoServices['t'];

const KIND_ICONS: Record<Task['kind'], ReactNode> = {
  join_community: <Icon28UsersOutline />,
  allow_messages: <Icon28MessageOutline />,
  allow_notifications: <Icon28NotificationAddOutline />,
  share_story: <Icon28StoryOutline />,
  visit_link: <Icon28LinkOutline />,
  invite_friends: <Icon28UserAddOutline />,
  enter_code: <Icon28TicketOutline />,
  quiz: <Icon28QuestionOutline />,
};

export function taskIcon(task: Task): ReactNode {
  if (task.state === 'done') return <Icon28CheckCircleOutline fill="var(--vkui--color_icon_positive)" />;
  if (task.state === 'failed') return <Icon28ErrorCircleOutline fill="var(--vkui--color_icon_negative)" />;
  if (task.state === 'unavailable') return <Icon28BlockOutline fill="var(--vkui--color_icon_tertiary)" />;
  return <span style={{ color: 'var(--vkui--color_icon_accent)', display: 'flex' }}>{KIND_ICONS[task.kind]}</span>;
}

export function failureText(t: Messages, failure: string | null): string {
  const key = `failure_${failure ?? 'failed'}` as keyof Messages;
  return t[key] ?? t.failure_failed;
}

/**
 * An invitation the server could make no link for: this platform's app address is not configured (the server never
 * hands out a link into another platform's app, decision 048). Nothing to share, so no button; the line says why.
 */
export function inviteWithoutLink(task: Task): boolean {
  return (
    task.kind === 'invite_friends' &&
    (task.state === 'todo' || task.state === 'in_progress') &&
    typeof task.action.referralCode === 'string' &&
    !task.action.shareLink
  );
}

/**
 * The attempts a quiz task still gives this participant (decision 073, counted on the server), or undefined for other
 * kinds and for a server that does not say.
 */
export function quizAttemptsLeft(task: Task): number | undefined {
  const left = task.kind === 'quiz' ? task.action.attemptsLeft : undefined;
  return typeof left === 'number' ? left : undefined;
}

/** A quiz task with no attempt left and not passed: nothing more to do with it. */
export const quizAttemptsUsed = (task: Task): boolean => task.state !== 'done' && quizAttemptsLeft(task) === 0;

/**
 * The line under the title that says where the task stands. A typed code that failed on an earlier visit is not
 * repeated over the now empty field (`freshFailure` false): the task's own description is shown instead.
 */
export function taskStateText(t: Messages, task: Task, options: { freshFailure?: boolean } = {}): string {
  if (inviteWithoutLink(task)) return t.inviteNoLink;
  if (quizAttemptsUsed(task)) return t.quizAttemptsUsed;
  switch (task.state) {
    case 'done':
      return task.level === 'client_confirmed' ? t.taskConfirmed : t.taskVerified;
    case 'failed':
      if (task.kind === 'enter_code' && !options.freshFailure) return task.description;
      return failureText(t, task.failure);
    case 'unavailable':
      return t.taskUnavailable;
    case 'in_progress':
      return task.kind === 'invite_friends'
        ? fill(t.friendsJoined, {
            joined: Number(task.action.friendsJoined ?? 0),
            required: Number(task.action.friendsRequired ?? 1),
          })
        : t.taskInProgress;
    default:
      return task.description;
  }
}
