/**
 * Performs a task the way its kind needs: start it on the server (which hands back what the action needs, e.g.
 * the allow_messages key), ask the platform to do the action, then report the platform's answer. The server
 * decides whether the task is done; the client never claims its own progress.
 */
import type { ApiClient, Task } from '../../api/client.ts';
import type { ActionResult, PlatformAdapter } from '../../platform/types.ts';

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/** The platform action of a task kind; `null` for kinds done by a form or a screen (code, quiz). */
function platformAction(platform: PlatformAdapter, task: Task): Promise<ActionResult> | null {
  const a = task.action;
  switch (task.kind) {
    case 'join_community':
      return platform.joinCommunity(num(a.groupId));
    case 'allow_messages':
      return platform.allowMessages(num(a.groupId), str(a.key));
    case 'allow_notifications':
      return platform.allowNotifications();
    case 'share_story':
      return platform.showStory({
        imageUrl: str(a.imageUrl),
        link: str(a.link),
        ...(a.linkText ? { linkText: str(a.linkText) } : {}),
      });
    case 'visit_link':
      return platform.openLink(str(a.url));
    case 'invite_friends':
      return platform.share(str(a.shareLink));
    default:
      return null;
  }
}

export async function performTask(api: ApiClient, platform: PlatformAdapter, campaignId: number, task: Task) {
  // Invites are checked against who arrived; a repeated tap only asks the server again.
  if (task.kind === 'invite_friends' && task.state === 'in_progress') {
    return api.completeTask(campaignId, task.key, {});
  }
  const started = await api.startTask(campaignId, task.key);
  const action = platformAction(platform, started);
  if (!action) return started;
  const result = await action;
  platform.haptic(result.status === 'done' ? 'success' : 'warning');
  if (task.kind === 'invite_friends') {
    // Sharing proves nothing; the task completes when a friend opens the link, so only ask for the count.
    return api.completeTask(campaignId, task.key, {});
  }
  return api.completeTask(campaignId, task.key, { result: result.status });
}

export async function submitTaskCode(api: ApiClient, campaignId: number, task: Task, code: string) {
  if (task.state === 'todo') await api.startTask(campaignId, task.key);
  return api.completeTask(campaignId, task.key, { code });
}
