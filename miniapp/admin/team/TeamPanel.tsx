/**
 * The brand's team (`#/admin/brand/:brandId/team`): members with role and sections, the member editor (role and
 * section checkboxes), invitations (one-time link or VK id) and pending invitations with revoke. Office chunk only;
 * the server checks the `team` section on every call, this screen only mirrors it.
 */
import { Button, Group, Header, SimpleCell } from '@vkontakte/vkui';
import { Fragment, useState } from 'react';
import { fill } from '../../i18n-fill.ts';
import { dateTimeFormat } from '../../intl-formats.ts';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import { LoadState } from '../../screens/LoadState.tsx';
import { NotFound } from '../../screens/NotFoundPanel.tsx';
import { useAsync } from '../../use-async.ts';
import { useRouteParam } from '../../use-route-param.ts';
import { label, teamStrings } from '../i18n-team.ts';
import { LoadStateScreen } from '../LoadStateScreen.tsx';
import type { Office } from '../office-api.ts';
import { WriteRefusal } from '../office-write.tsx';
import { PersonWho } from '../PersonWho.tsx';
import { personText } from '../person-who.ts';
import { withoutSection } from '../refused.ts';
import { useOffice } from '../use-office.ts';
import { InviteForm } from './InviteForm.tsx';
import { BRAND_SCREEN_ROLES, MemberEditor } from './MemberEditor.tsx';
import { RevokeInvitation } from './RevokeInvitation.tsx';
import { type CreatedInvitation, type Invitation, type TeamMember, teamApi } from './team-api.ts';
import { useTeamWrites } from './use-team-writes.ts';

export function TeamPanel({ office }: { office: Office }) {
  const { api, language } = useOffice();
  const s = teamStrings(language);
  const brandId = Number(useRouteParam('brandId'));
  const brand = office.brands.find((b) => b.id === brandId);
  const team = teamApi(api);
  const [editing, setEditing] = useState<number | null>(null);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const state = useAsync(
    async () => {
      const [{ members, roles }, { invitations }] = await Promise.all([team.team(brandId), team.invitations(brandId)]);
      // Only the roles the server lets this member give (a member with `team` gives brand_member alone).
      return { members, invitations, roles: BRAND_SCREEN_ROLES.filter((r) => roles.includes(r)) };
    },
    [api, brandId],
    Boolean(brand?.sections.includes('team')),
  );
  // Each write's refusal is said beside what was tapped (on a phone the page's top is far away), as on the agency's.
  const writes = useTeamWrites(s.error, () => {
    if (state.status === 'ready') state.reload();
  });
  const { act } = writes;
  if (!brand) return <NotFound />;
  // A member without `team` who follows a link here is told so, as every other section does (refused.ts).
  if (!brand.sections.includes('team')) return <LoadStateScreen state={withoutSection('team')} title={s.title} />;
  const date = (ms: number) => dateTimeFormat(language, { dateStyle: 'medium' }).format(ms);
  return (
    <>
      <PanelHeaderWithBack back={s.back}>
        {s.title} · {brand.name}
      </PanelHeaderWithBack>
      <LoadState state={state}>
        {({ members, invitations, roles }) => (
          <>
            <Group header={<Header>{s.members}</Header>}>
              {members.map((m) =>
                editing === m.id ? (
                  <MemberEditor
                    key={m.id}
                    s={s}
                    language={language}
                    member={m}
                    roles={roles}
                    grantable={brand.sections}
                    error={writes.editorError}
                    onCancel={() => setEditing(null)}
                    onSave={async (change) => {
                      if (await act('editor', () => team.update(m.id, change))) setEditing(null);
                    }}
                    onRemove={async () => {
                      // Refused, the editor stays open to say why under its buttons.
                      if (await act('editor', () => team.remove(m.id).then(() => true))) setEditing(null);
                    }}
                  />
                ) : (
                  <MemberCell
                    key={m.id}
                    s={s}
                    member={m}
                    date={date}
                    onEdit={() => {
                      writes.clearEditor();
                      setEditing(m.id);
                    }}
                  />
                ),
              )}
            </Group>
            <Group header={<Header>{s.invite}</Header>}>
              <InviteForm
                s={s}
                roles={roles}
                grantable={brand.sections}
                created={created}
                onInvite={async (body) =>
                  setCreated((await act('invite', () => team.invite({ brandId, ...body }))) ?? null)
                }
                onAdd={async (body) => (await act('invite', () => team.add({ brandId, ...body }))) !== undefined}
                error={writes.inviteError}
              />
            </Group>
            <Group header={<Header>{s.pending}</Header>}>
              {invitations.length === 0 && <SimpleCell>{s.noInvitations}</SimpleCell>}
              {invitations.map((inv) => (
                <Fragment key={inv.id}>
                  <InvitationCell
                    s={s}
                    language={language}
                    inv={inv}
                    date={date}
                    onRevoke={() => writes.revoke(inv.id, () => team.revoke(inv.id))}
                  />
                  <div data-testid={`invitation-${inv.id}-refusal`}>
                    <WriteRefusal error={writes.revokeError(inv.id)} />
                  </div>
                </Fragment>
              ))}
            </Group>
          </>
        )}
      </LoadState>
    </>
  );
}

type Strings = ReturnType<typeof teamStrings>;

function sectionList(s: Strings, m: { role: string; sections: string[] }): string {
  if (m.role === 'agency_admin') return s.allSections;
  return m.sections.length === 0 ? s.noSections : m.sections.map((x) => label(s, 'section', x)).join(', ');
}

function MemberCell(props: { s: Strings; member: TeamMember; date(ms: number): string; onEdit(): void }) {
  const { s, member: m } = props;
  return (
    <SimpleCell
      multiline
      data-testid={`member-${m.userId}`}
      subtitle={`${label(s, 'role', m.role)}${m.scope === 'agency' ? ` (${s.agencyWide})` : ''} · ${sectionList(s, m)} · ${fill(s.since, { date: props.date(m.since) })}`}
      after={
        m.editable ? (
          <Button mode="tertiary" data-testid={`member-${m.userId}-edit`} onClick={props.onEdit}>
            {s.edit}
          </Button>
        ) : undefined
      }
    >
      <PersonWho person={m} />
    </SimpleCell>
  );
}

function InvitationCell(props: {
  s: Strings;
  language: 'ru' | 'en';
  inv: Invitation;
  date(ms: number): string;
  onRevoke(): Promise<unknown>;
}) {
  const { s, inv } = props;
  const status = fill(label(s, 'status', inv.status), {
    date: props.date(inv.expiresAt),
    user: inv.usedBy ? personText(inv.usedBy, props.language) : '',
  });
  return (
    <SimpleCell
      multiline
      data-testid={`invitation-${inv.id}`}
      subtitle={`${sectionList(s, inv)} · ${status}`}
      after={inv.status === 'pending' ? <RevokeInvitation s={s} inv={inv} onRevoke={props.onRevoke} /> : undefined}
    >
      {label(s, 'role', inv.role)}
    </SimpleCell>
  );
}
