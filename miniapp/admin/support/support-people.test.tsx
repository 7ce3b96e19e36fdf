/**
 * The support desk names people as every office screen does (person-who.ts): a ticket's participant and its assignee
 * in the inbox, the participant and the agents in a thread. They read `id5550001` for an OK participant (no such VK
 * page) and bare `id…` for agents. Now «Одноклассники · 5550001» / "OK · 5550001", "VK · id123"; the thread links
 * the participant to a profile only where the server gives one, so an OK id links nowhere. `useAsync` answers with
 * what it was given, in order.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { profileUrl } from '../../../server/profile-url.ts';
import type { ApiClient } from '../../api/client.ts';
import { AppContext, type AppServices } from '../../app-context.ts';
import { messages } from '../../i18n.ts';
import type { PlatformAdapter } from '../../platform/types.ts';
import { RouterProvider } from '../../routes.ts';
import { createMemoryRouter } from '../preview/memory-router.ts';
import SupportInbox from './SupportInbox.tsx';
import SupportThread from './SupportThread.tsx';
import type { Agent, InboxThread, InboxTicket } from './support-api.ts';

const answers = vi.hoisted(() => ({ queue: [] as unknown[] }));
vi.mock('../../use-async.ts', () => ({
  useAsync: () => ({ status: 'ready', data: answers.queue.shift(), reload: () => undefined }),
}));

const ticket = (id: number, platform: string, platformUserId: string, assigneeMembershipId: number | null) =>
  ({
    id,
    campaignId: null,
    subject: `Subject ${id}`,
    status: 'new',
    source: 'miniapp',
    platform,
    platformUserId,
    profileUrl: profileUrl(platform, platformUserId),
    assigneeMembershipId,
    slaAgeMs: null,
    updatedAt: 0,
  }) satisfies InboxTicket;

const agents: Agent[] = [
  { membershipId: 1, platform: 'vk', userId: '777', profileUrl: profileUrl('vk', '777'), role: 'brand_admin' },
  { membershipId: 2, platform: 'telegram', userId: '42', profileUrl: null, role: 'brand_member' },
];
const OK = ticket(9, 'ok', '5550001', 2);
const VK = ticket(10, 'vk', '123', 1);

function render(language: 'ru' | 'en', href: string, node: React.ReactNode, queue: unknown[]) {
  const app = {
    language,
    t: messages[language],
    api: { request: async () => ({}) } as unknown as ApiClient,
    platform: {} as PlatformAdapter,
  };
  answers.queue = queue;
  return renderToStaticMarkup(
    <AppContext.Provider value={app as AppServices}>
      <RouterProvider router={createMemoryRouter(href)}>{node}</RouterProvider>
    </AppContext.Provider>,
  );
}

const WORDS = {
  ru: {
    ok: 'Одноклассники · 5550001',
    vk: 'ВКонтакте · id123',
    agentVk: 'ВКонтакте · id777',
    agentTg: 'Telegram · 42',
  },
  en: { ok: 'OK · 5550001', vk: 'VK · id123', agentVk: 'VK · id777', agentTg: 'Telegram · 42' },
};

describe('people at the support desk', () => {
  it('the inbox names each ticket’s participant and assignee by platform (ru, en)', () => {
    for (const language of ['ru', 'en'] as const) {
      const markup = render(language, '/admin/brand/3/support', <SupportInbox />, [
        [],
        { tickets: [OK, VK], agents: new Map(agents.map((a) => [a.membershipId, a])) },
      ]);
      const w = WORDS[language];
      // Each person on a line of their own (decision 109), so « · » inside a name does not run into the facts.
      const line = (testid: string) => markup.match(new RegExp(`data-testid="${testid}">([^<]*)<`))?.[1];
      expect(line('inbox-participant-9'), language).toBe(w.ok);
      expect(line('inbox-assignee-9')).toContain(w.agentTg);
      expect(line('inbox-participant-10')).toBe(w.vk);
      expect(line('inbox-assignee-10')).toContain(w.agentVk);
      expect(markup).not.toContain('id5550001');
      expect(markup).not.toMatch(/id42\b/);
    }
  });

  it('a thread names its participant, linked only to a VK profile, and its agents by platform (ru, en)', () => {
    for (const language of ['ru', 'en'] as const) {
      const w = WORDS[language];
      const thread = (t: InboxTicket): InboxThread => ({ ticket: t, messages: [], progress: null });
      const ok = render(language, '/admin/brand/3/support/ticket/9', <SupportThread />, [
        { thread: thread(OK), canned: [], agents },
      ]);
      const participant = ok.match(/data-testid="thread-participant".*?<\/div><\/div>/s)?.[0] ?? '';
      expect(participant, language).toContain(w.ok);
      expect(participant).not.toContain('<a ');
      expect(ok).not.toContain('vk.com');
      expect(ok).toContain(`>${w.agentVk} (`);
      expect(ok).toContain(`>${w.agentTg} (`);
      const vk = render(language, '/admin/brand/3/support/ticket/10', <SupportThread />, [
        { thread: thread(VK), canned: [], agents },
      ]);
      expect(vk).toMatch(/data-testid="thread-participant".*?<a [^>]*href="https:\/\/vk\.com\/id123"[^>]*>id123<\/a>/s);
    }
  });
});
