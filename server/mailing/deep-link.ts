/**
 * @module The hash that opens the mini app on a given screen (the `open_app` button's `hash` and the notification's
 * `fragment`); the mini app's router reads the same shape.
 */

/** @example taskHash(3, 'join') // 'campaign/3/task/join' */
export function taskHash(campaignId: number, taskKey?: string): string {
  return taskKey ? `campaign/${campaignId}/task/${encodeURIComponent(taskKey)}` : `campaign/${campaignId}`;
}
