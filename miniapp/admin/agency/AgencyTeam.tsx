/**
 * The agency's own team (`#/admin/agency/team`): its owners and managers, each manager's brands (all of the agency's
 * or chosen ones, as checkboxes), inviting an agency manager by a one-time link or by VK id, pending agency-wide
 * invitations, and removal. The team API (server/office/team/) decides every right; this screen mirrors it.
 */
import { Button, Group, Header, Placeholder, SimpleCell } from '@vkontakte/vkui';
import { Fragment, useState } from 'react';
import { fill } from '../../i18n-fill.ts';
import { dateTimeFormat } from '../../intl-formats.ts';
import { useRouteNavigator } from '../../routes.ts';
import { LoadState } from '../../screens/LoadState.tsx';
import { useAsync } from '../../use-async.ts';
import { agencyStrings } from '../i18n-agency.ts';
import { label, teamStrings } from '../i18n-team.ts';
import { LoadStateScreen } from '../LoadStateScreen.tsx';
import type { Office } from '../office-api.ts';
import { WriteRefusal } from '../office-write.tsx';
import { PersonWho } from '../PersonWho.tsx';
import { personText } from '../person-who.ts';
import { withoutAgencyRole } from '../refused.ts';
import { InviteForm } from '../team/InviteForm.tsx';
import { RevokeInvitation } from '../team/RevokeInvitation.tsx';
import { type CreatedInvitation, SECTIONS, type TeamMember, teamApi } from '../team/team-api.ts';
import { useTeamWrites } from '../team/use-team-writes.ts';
import { useOffice } from '../use-office.ts';
import { BrandedHeader, useAgencyBranding } from './AgencyBranding.tsx';
import { agencyApi } from './agency-api.ts';
import { ManagerBrandsEditor } from './ManagerBrandsEditor.tsx';

/** One person of the agency: an owner's row, or a manager's rows (one agency-wide, or one per chosen brand). */
export interface AgencyPerson {
  key: string;
  rows: TeamMember[];
}

/** The agency roles' rows grouped by person, owners first. */
export function agencyPeople(members: TeamMember[]): AgencyPerson[] {
  const people = new Map<string, AgencyPerson>();
  for (const m of members) {
    if (m.role !== 'agency_admin' && m.role !== 'agency_manager') continue;
    const key = `${m.platform}:${m.userId}:${m.role}`;
    const person = people.get(key) ?? { key, rows: [] };
    person.rows.push(m);
    people.set(key, person);
  }
  return [...people.values()].sort(
    (a, b) => Number(b.rows[0]?.role === 'agency_admin') - Number(a.rows[0]?.role === 'agency_admin'),
  );
}

export function AgencyTeam({ office }: { office: Office }) {
  const { api, language } = useOffice();
  const s = agencyStrings(language);
  const ts = teamStrings(language);
  const navigator = useRouteNavigator();
  const branding = useAgencyBranding(office);
  const agency = office.agencies?.find((a) => a.canManage);
  const team = teamApi(api);
  const [editing, setEditing] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const state = useAsync(
    async () => {
      const id = agency?.id ?? 0;
      const [{ members }, { invitations }, brands] = await Promise.all([
        team.agencyTeam(id),
        team.agencyInvitations(id),
        agencyApi(api).brands(),
      ]);
      return { people: agencyPeople(members), invitations, brands };
    },
    [api, agency?.id],
    agency !== undefined,
  );
  // Each write's refusal is said beside what was tapped (on a phone the page's top is far away).
  const writes = useTeamWrites(
    s.error,
    () => {
      if (state.status === 'ready') state.reload();
    },
    'agency',
  );
  const { act } = writes;
  // A member with no agency role (a brand's own people): the page is the agency's, said so (it said «Not found»).
  if (!agency) return <LoadStateScreen state={withoutAgencyRole('agency')} title={s.team} />;
  const date = (ms: number) => dateTimeFormat(language, { dateStyle: 'medium' }).format(ms);
  const grantable =
    agency.role === 'agency_admin' ? [...SECTIONS] : [...new Set(office.brands.flatMap((b) => b.sections))];
  return (
    <>
      <BrandedHeader branding={branding} title={ts.title} back={{ label: s.back, onClick: () => navigator.back() }} />
      <LoadState state={state}>
        {({ people, invitations, brands }) => (
          <>
            <Group header={<Header>{s.teamPeople}</Header>}>
              {people.length === 0 && <Placeholder>{s.noManagers}</Placeholder>}
              {people.map((p) =>
                editing === p.key && p.rows[0] ? (
                  <ManagerBrandsEditor
                    key={p.key}
                    s={s}
                    ts={ts}
                    language={language}
                    person={p}
                    brands={brands}
                    error={writes.editorError}
                    onCancel={() => setEditing(null)}
                    onSave={async (brandIds) => {
                      const first = p.rows[0];
                      if (first && (await act('editor', () => team.managerBrands(first.id, brandIds))))
                        setEditing(null);
                    }}
                    onRemove={async () => {
                      // A manager of chosen brands has a row per brand: all go in one server call, or none does.
                      const first = p.rows[0];
                      if (first && (await act('editor', () => team.removeManager(first.id).then(() => true))))
                        setEditing(null);
                    }}
                  />
                ) : (
                  <PersonCell
                    key={p.key}
                    s={s}
                    ts={ts}
                    person={p}
                    date={date}
                    onEdit={() => {
                      writes.clearEditor();
                      setEditing(p.key);
                    }}
                  />
                ),
              )}
            </Group>
            {agency.role === 'agency_admin' || grantable.includes('team') ? (
              <Group header={<Header>{s.inviteManager}</Header>}>
                <SimpleCell multiline>{s.managerIntro}</SimpleCell>
                <InviteForm
                  s={ts}
                  roles={['agency_manager']}
                  grantable={grantable}
                  created={created}
                  onInvite={async (body) =>
                    setCreated(
                      (await act('invite', () => team.inviteToAgency({ agencyId: agency.id, ...body }))) ?? null,
                    )
                  }
                  onAdd={async (body) =>
                    (await act('invite', () => team.addToAgency({ agencyId: agency.id, ...body }))) !== undefined
                  }
                  error={writes.inviteError}
                />
              </Group>
            ) : null}
            <Group header={<Header>{ts.pending}</Header>}>
              {invitations.length === 0 && <SimpleCell>{ts.noInvitations}</SimpleCell>}
              {invitations.map((inv) => (
                <Fragment key={inv.id}>
                  <SimpleCell
                    multiline
                    data-testid={`agency-invitation-${inv.id}`}
                    subtitle={`${inv.sections.map((x) => label(ts, 'section', x)).join(', ') || ts.noSections} · ${fill(
                      label(ts, 'status', inv.status),
                      { date: date(inv.expiresAt), user: inv.usedBy ? personText(inv.usedBy, language) : '' },
                    )}`}
                    after={
                      inv.status === 'pending' ? (
                        <RevokeInvitation
                          s={ts}
                          inv={inv}
                          onRevoke={() => writes.revoke(inv.id, () => team.revoke(inv.id))}
                        />
                      ) : undefined
                    }
                  >
                    {label(ts, 'role', inv.role)}
                  </SimpleCell>
                  <div data-testid={`agency-invitation-${inv.id}-refusal`}>
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

function PersonCell(props: {
  s: ReturnType<typeof agencyStrings>;
  ts: ReturnType<typeof teamStrings>;
  person: AgencyPerson;
  date(ms: number): string;
  onEdit(): void;
}) {
  const { s, ts, person } = props;
  const m = person.rows[0];
  if (!m) return null;
  const sections =
    m.role === 'agency_admin'
      ? ts.allSections
      : m.sections.map((x) => label(ts, 'section', x)).join(', ') || ts.noSections;
  const brands =
    m.role === 'agency_admin' || m.managedBrands === null
      ? s.allBrands
      : fill(s.chosenBrands, { names: m.managedBrands.map((b) => b.name).join(', ') });
  return (
    <SimpleCell
      multiline
      data-testid={`agency-person-${m.userId}`}
      subtitle={`${label(ts, 'role', m.role)} · ${sections}`}
      extraSubtitle={`${brands} · ${fill(ts.since, { date: props.date(m.since) })}`}
      after={
        m.editable && m.role === 'agency_manager' ? (
          <Button mode="tertiary" data-testid={`agency-person-${m.userId}-edit`} onClick={props.onEdit}>
            {ts.edit}
          </Button>
        ) : undefined
      }
    >
      <PersonWho person={m} />
    </SimpleCell>
  );
}
