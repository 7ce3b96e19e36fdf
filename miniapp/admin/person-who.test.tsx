/**
 * Every office screen that names a participant or member says the platform and the id as the platform writes them,
 * with a link to the profile where the server gives one. The team, the agency team, the beta group and a draw's
 * entrants read `ok:5550001` / `telegram:42` (the stored key); only the draw's winners were worded. Rendered as the
 * office draws them, in Russian and English; `useAsync` answers with the screen's data.
 */
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { profileUrl } from '../../server/profile-url.ts';
import type { ApiClient } from '../api/client.ts';
import { AppContext, type AppServices } from '../app-context.ts';
import { messages } from '../i18n.ts';
import type { PlatformAdapter } from '../platform/types.ts';
import { RouterProvider } from '../routes.ts';
import type { AsyncState } from '../use-async.ts';
import BetaPanel from './beta/BetaPanel.tsx';
import { EntrantCell } from './draw/EntrantCell.tsx';
import { drawEntrantsEn, drawEntrantsRu } from './i18n-draw-entrants.ts';
import type { Office } from './office-api.ts';
import { personWho } from './person-who.ts';
import { createMemoryRouter } from './preview/memory-router.ts';
import { TeamPanel } from './team/TeamPanel.tsx';

const screen = vi.hoisted(() => ({ data: undefined as unknown }));
vi.mock('../use-async.ts', () => ({
  useAsync: (): AsyncState<unknown> => ({ status: 'ready', data: screen.data, reload: () => undefined }),
}));

const PEOPLE = [
  { platform: 'vk', userId: '123' },
  { platform: 'ok', userId: '5550001' },
  { platform: 'telegram', userId: '42' },
].map((p) => ({ ...p, profileUrl: profileUrl(p.platform, p.userId) }));

const WORDED = {
  ru: ['ВКонтакте · ', 'Одноклассники · 5550001', 'Telegram · 42'],
  en: ['VK · ', 'OK · 5550001', 'Telegram · 42'],
};

function render(language: 'ru' | 'en', href: string, node: ReactNode): string {
  const app = { language, t: messages[language], api: {} as ApiClient, platform: {} as PlatformAdapter } as AppServices;
  return renderToStaticMarkup(
    <AppContext.Provider value={app}>
      <RouterProvider router={createMemoryRouter(href)}>{node}</RouterProvider>
    </AppContext.Provider>,
  );
}

/** Worded, the VK id linked to its profile, and no stored key left. */
function expectWorded(markup: string, language: 'ru' | 'en') {
  for (const text of WORDED[language]) expect(markup, text).toContain(text);
  expect(markup).toMatch(/<a [^>]*href="https:\/\/vk\.com\/id123"[^>]*>id123<\/a>/);
  expect(markup).not.toMatch(/\b(ok|telegram|vk):\d/);
}

const office: Office = {
  brands: [{ id: 3, name: 'Brand', agencyId: 1, sections: ['campaigns', 'team'] }],
  agencies: [{ id: 1, name: 'Agency', logoUrl: null, accent: null, role: 'agency_admin', canManage: true }],
};

describe('a person on the office screens', () => {
  it.each(['ru', 'en'] as const)('the team names each member by platform and id (%s)', (language) => {
    const member = (p: (typeof PEOPLE)[number], id: number) => ({
      ...p,
      id,
      vkProfileId: p.platform === 'vk' ? Number(p.userId) : null,
      role: 'brand_member',
      sections: ['campaigns'],
      scope: 'brand',
      brandId: 3,
      brandName: 'Brand',
      managedBrands: null,
      since: Date.UTC(2026, 5, 1),
      editable: false,
      removable: false,
    });
    screen.data = { members: PEOPLE.map(member), invitations: [], roles: ['brand_member'] };
    expectWorded(render(language, '/admin/brand/3/team', <TeamPanel office={office} />), language);
  });

  it.each(['ru', 'en'] as const)('an accepted invitation names who accepted it by platform (%s)', (language) => {
    const invitation = (p: (typeof PEOPLE)[number], id: number) => ({
      id,
      agencyId: 1,
      brandId: 3,
      role: 'brand_member',
      sections: ['campaigns'],
      platform: p.platform,
      boundUserId: null,
      status: 'used',
      expiresAt: Date.UTC(2026, 5, 1),
      createdAt: 0,
      createdBy: { platform: 'vk', userId: '1', profileUrl: null },
      usedAt: 0,
      usedBy: p,
    });
    screen.data = { members: [], invitations: PEOPLE.map(invitation), roles: ['brand_member'] };
    const markup = render(language, '/admin/brand/3/team', <TeamPanel office={office} />);
    const used = language === 'ru' ? 'принято: ' : 'accepted by ';
    for (const who of WORDED[language].slice(1)) expect(markup).toContain(`${used}${who}`);
    expect(markup).toContain(`${used}${language === 'ru' ? 'ВКонтакте' : 'VK'} · id123`);
    expect(markup).not.toMatch(/id5550001|id42\b/);
  });

  it.each(['ru', 'en'] as const)('the beta group names each tester by platform and id (%s)', (language) => {
    const tester = (p: (typeof PEOPLE)[number], id: number) => ({ ...p, id, source: 'office', addedAt: 0 });
    screen.data = { status: 'draft', open: true, testers: PEOPLE.map(tester), link: null };
    expectWorded(render(language, '/admin/campaign/7/beta', <BetaPanel />), language);
  });

  it.each(['ru', 'en'] as const)("a draw's entrants are named by platform and id (%s)", (language) => {
    const actions = { exclude: async () => undefined, include: async () => undefined };
    const cells = PEOPLE.map((p, i) => (
      <EntrantCell
        key={p.userId}
        entrant={{ ...p, participantId: i + 1, flags: [], why: {}, excluded: null }}
        frozen={false}
        t={language === 'ru' ? drawEntrantsRu : drawEntrantsEn}
        actions={actions}
      />
    ));
    expectWorded(render(language, '/admin/campaign/7/draw', cells), language);
  });

  it('the words come from one place: a link only where the server gave one, never made up', () => {
    expect(personWho(PEOPLE[0] as (typeof PEOPLE)[number], 'en')).toEqual({
      platform: 'VK',
      text: 'id123',
      href: 'https://vk.com/id123',
    });
    expect(personWho(PEOPLE[1] as (typeof PEOPLE)[number], 'ru')).toEqual({
      platform: 'Одноклассники',
      text: '5550001',
      href: undefined,
    });
    expect(personWho({ platform: 'vk', userId: '5', profileUrl: null }, 'en').href).toBeUndefined();
    expect(profileUrl('vk', 'abc')).toBeNull();
    expect(profileUrl('ok', '5550001')).toBeNull();
  });
});
