/**
 * Remove is offered only where the server will do it. Found from outside: an agency-wide manager with `team` was
 * offered «Remove» on a fellow manager (on the agency team and on a brand's team), and the tap met the server's
 * owner-only refusal. Each row now says `removable` (server/office/team/team.service.ts) and the editors follow it.
 */
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../api/client.ts';
import { AppContext, type AppServices } from '../../app-context.ts';
import { messages } from '../../i18n.ts';
import type { PlatformAdapter } from '../../platform/types.ts';
import { ManagerBrandsEditor } from '../agency/ManagerBrandsEditor.tsx';
import { agencyStrings } from '../i18n-agency.ts';
import { teamStrings } from '../i18n-team.ts';
import { MemberEditor } from './MemberEditor.tsx';
import type { TeamMember } from './team-api.ts';

const manager = (removable: boolean): TeamMember => ({
  id: 7,
  platform: 'vk',
  userId: '20',
  vkProfileId: 20,
  profileUrl: 'https://vk.com/id20',
  role: 'agency_manager',
  sections: ['team'],
  scope: 'brand',
  brandId: 3,
  brandName: 'Brand',
  managedBrands: [{ id: 3, name: 'Brand' }],
  brandRoleBrands: [],
  since: 0,
  editable: true,
  removable,
});
const nothing = async () => {};
const app = { language: 'en', t: messages.en, api: {} as ApiClient, platform: {} as PlatformAdapter } as AppServices;
const render = (node: ReactNode) => renderToStaticMarkup(<AppContext.Provider value={app}>{node}</AppContext.Provider>);

const agencyEditor = (removable: boolean) =>
  render(
    <ManagerBrandsEditor
      s={agencyStrings('en')}
      ts={teamStrings('en')}
      language="en"
      person={{ key: 'vk:20:agency_manager', rows: [manager(removable)] }}
      brands={[{ id: 3, name: 'Brand' }]}
      error={null}
      onSave={nothing}
      onRemove={nothing}
      onCancel={() => {}}
    />,
  );
const brandEditor = (removable: boolean) =>
  render(
    <MemberEditor
      s={teamStrings('en')}
      language="en"
      member={manager(removable)}
      grantable={['team']}
      onSave={nothing}
      onRemove={nothing}
      onCancel={() => {}}
    />,
  );

describe('remove is offered as the server answers', () => {
  it("the agency team's manager editor: Remove for the owner only; saving brands stays", () => {
    expect(agencyEditor(true)).toContain('data-testid="agency-person-20-remove"');
    const byManager = agencyEditor(false);
    expect(byManager).not.toContain('agency-person-20-remove');
    expect(byManager).toContain('data-testid="manager-brands-save"');
  });

  it("a brand's team member editor: Remove only on a row the caller may remove; saving stays", () => {
    expect(brandEditor(true)).toContain('data-testid="member-7-remove"');
    const byManager = brandEditor(false);
    expect(byManager).not.toContain('member-7-remove');
    expect(byManager).toContain('data-testid="member-7-save"');
  });
});
