import { describe, expect, it } from 'vitest';
import type { TaskKind } from '../../../server/db/schema/promo.ts';
import { TaskConfigSchemas } from '../../../server/promo/settings.ts';
import { defaultConfig } from '../editor/task-config-fields.ts';
import { unreadyTaskField } from './previewable.ts';

/** What a brand's form holds on the way: fresh defaults, links empty, half typed, wrong scheme, typed out. */
const CASES: [TaskKind, Record<string, unknown>][] = [
  ...(Object.keys(TaskConfigSchemas) as TaskKind[]).map((k): [TaskKind, Record<string, unknown>] => [
    k,
    defaultConfig(k, 'codes'),
  ]),
  ['visit_link', {}],
  ['visit_link', { url: 'example' }],
  ['visit_link', { url: 'example.com/page' }],
  ['visit_link', { url: 'javascript:alert(1)' }],
  ['visit_link', { url: 'ftp://example.com' }],
  ['visit_link', { url: `https://example.com/${'a'.repeat(2000)}` }],
  ['visit_link', { url: 'https://exa' }],
  ['visit_link', { url: 'https://example.com/a' }],
  ['share_story', { imageUrl: 'https://example.com/i.png' }],
  ['share_story', { imageUrl: 'https://example.com/i.png', link: 'http://example.com' }],
  ['invite_friends', { friendsRequired: 0 }],
  ['invite_friends', { friendsRequired: 3 }],
  ['join_community', { groupId: 5 }],
];

describe('which task fields the preview waits for', () => {
  it('a task switched to «visit a link» waits for an http(s) address, named by its form path', () => {
    expect(
      unreadyTaskField([
        { kind: 'join_community', config: {} },
        { kind: 'visit_link', config: { url: '' } },
      ]),
    ).toBe('tasks.1.config.url');
    expect(unreadyTaskField([{ kind: 'visit_link', config: { url: 'example.com' } }])).toBe('tasks.0.config.url');
    expect(unreadyTaskField([{ kind: 'visit_link', config: { url: 'https://example.com' } }])).toBeNull();
  });

  it.each(CASES.map(([kind, config]) => ({ kind, config, shown: JSON.stringify(config).slice(0, 60) })))(
    '$kind $shown: called ready only when the server’s task shape accepts it',
    ({ kind, config }) => {
      const ready = unreadyTaskField([{ kind, config }]) === null;
      const accepted = TaskConfigSchemas[kind].safeParse(config).success;
      // Never sent to be refused; a link the server refuses is always waited for.
      if (ready) expect(accepted).toBe(true);
      if (!accepted && /url|link|imageUrl/i.test(JSON.stringify(config))) expect(ready).toBe(false);
    },
  );
});
