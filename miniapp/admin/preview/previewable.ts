/**
 * Whether the editor's document is one the preview may send yet. The preview is asked in the background while the
 * brand types (PreviewPane, debounced), so a task switched to «visit a link» whose address is still empty, or half
 * typed, was sent as it stood and refused (422 invalid_input at tasks.N.config.url) on every pause: a console error
 * and a request the server could only refuse. The fields come from the form's own table (TASK_CONFIG_FIELDS); what
 * they must hold is the server's task shapes' (server/promo/settings.ts TaskConfigSchemas, WebLinkSchema), and
 * previewable.test.ts checks the form's states called ready here are accepted there. A quiz question's own fields
 * are not looked into: should the server refuse one, the pane keeps its last preview as before. Decision 107.
 */

import { type ConfigField, TASK_CONFIG_FIELDS } from '../editor/task-config-fields.ts';
import type { DocumentTask } from '../office-api.ts';

/** WebLinkSchema's rule: an http(s) address the URL parser reads, at most 2000 characters. */
const MAX_LINK = 2000;
function isWebLink(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > MAX_LINK || !URL.canParse(value)) return false;
  return /^https?:$/.test(new URL(value).protocol);
}

function fieldReady(field: ConfigField, value: unknown): boolean {
  switch (field.type) {
    case 'url':
      return isWebLink(value);
    case 'number':
      return value == null ? field.optional === true : Number.isInteger(value) && (value as number) >= field.min;
    case 'questions':
      return Array.isArray(value) && value.length > 0;
    case 'text':
    case 'pool':
      return true;
  }
}

/** The first task field the server would refuse as it stands (its form path), or null when every task is ready. */
export function unreadyTaskField(tasks: readonly Pick<DocumentTask, 'kind' | 'config'>[]): string | null {
  for (const [i, task] of tasks.entries()) {
    for (const field of TASK_CONFIG_FIELDS[task.kind]) {
      if (!fieldReady(field, task.config[field.name])) return `tasks.${i}.config.${field.name}`;
    }
  }
  return null;
}
