/**
 * The editor's form for each task kind's `config` (its shape lives in server/promo/settings.ts `TaskConfigSchemas`;
 * the server validates the result through it). Typed by the server's task kinds, so a new kind fails to compile
 * until it has its fields here.
 */

import { MAX_FRIENDS_REQUIRED, MAX_LABEL_LENGTH } from '../../../server/campaigns/content-bounds.ts';
import type { TaskKind } from '../../../server/db/schema/promo.ts';
import {
  DEFAULT_QUIZ_TASK_ATTEMPTS,
  MAX_QUIZ_SCORE,
  MAX_QUIZ_TASK_ATTEMPTS,
} from '../../../server/promo/quiz/quiz-bounds.ts';

export type ConfigField =
  | { name: string; type: 'url' }
  /** `max`: the server's length bound, counted once trimmed (the preview waits past it). */
  | { name: string; type: 'text'; max: number }
  /** `max`: the server's bound, where its shape has one (the browser's spinner stops there, the preview waits past it). */
  | { name: string; type: 'number'; min: number; max?: number; optional?: boolean }
  | { name: string; type: 'pool' }
  | { name: string; type: 'questions' };

export const TASK_CONFIG_FIELDS: Record<TaskKind, readonly ConfigField[]> = {
  join_community: [{ name: 'groupId', type: 'number', min: 1, optional: true }],
  allow_messages: [{ name: 'groupId', type: 'number', min: 1, optional: true }],
  allow_notifications: [],
  share_story: [
    { name: 'imageUrl', type: 'url' },
    { name: 'link', type: 'url' },
    { name: 'linkText', type: 'text', max: MAX_LABEL_LENGTH },
  ],
  visit_link: [{ name: 'url', type: 'url' }],
  invite_friends: [{ name: 'friendsRequired', type: 'number', min: 1, max: MAX_FRIENDS_REQUIRED }],
  enter_code: [{ name: 'poolKey', type: 'pool' }],
  quiz: [
    { name: 'passScore', type: 'number', min: 0, max: MAX_QUIZ_SCORE },
    // Empty: the server's default (decision 073), as for a task saved before the field existed.
    { name: 'maxAttempts', type: 'number', min: 1, max: MAX_QUIZ_TASK_ATTEMPTS, optional: true },
    { name: 'questions', type: 'questions' },
  ],
};

/** A new task's config: what its kind needs to be valid as far as defaults go. */
export function defaultConfig(kind: TaskKind, poolKey: string | undefined): Record<string, unknown> {
  switch (kind) {
    case 'share_story':
      return { imageUrl: '', link: '' };
    case 'visit_link':
      return { url: '' };
    case 'invite_friends':
      return { friendsRequired: 1 };
    case 'enter_code':
      return { poolKey: poolKey ?? '' };
    case 'quiz':
      return { passScore: 1, maxAttempts: DEFAULT_QUIZ_TASK_ATTEMPTS, questions: [] };
    case 'join_community':
    case 'allow_messages':
    case 'allow_notifications':
      return {};
  }
}
