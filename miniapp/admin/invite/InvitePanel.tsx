/**
 * `#/invite/<token>`: an invitation into the office, opened by someone who is not a member yet (so it sits outside
 * the office's member gate, like `#/beta/<token>`). Shows whose office it is (the agency's name, never the vendor's),
 * the brand, role and sections, and accepts with this verified launch. Lazy, never preloaded for participants.
 */
import { Button, Group, Placeholder, SimpleCell } from '@vkontakte/vkui';
import { useState } from 'react';
import { ApiRequestError } from '../../api/client.ts';
import { useApp } from '../../app-context.ts';
import { HAS_OFFICE } from '../../build-contents.ts';
import { fill } from '../../i18n-fill.ts';
import { dateTimeFormat } from '../../intl-formats.ts';
import { forgetOfficeAccess } from '../../office-access.ts';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import { paths, useRouteNavigator } from '../../routes.ts';
import { LoadState } from '../../screens/LoadState.tsx';
import { useAsync } from '../../use-async.ts';
import { useRouteParam } from '../../use-route-param.ts';
import { invitationApi } from '../team/team-api.ts';
import { inviteStrings, label } from './i18n-invite.ts';

export default function InvitePanel() {
  const { api, language } = useApp();
  const s = inviteStrings(language);
  const navigator = useRouteNavigator();
  const token = useRouteParam('token') ?? '';
  const invitations = invitationApi(api);
  const [outcome, setOutcome] = useState<'accepted' | string | null>(null);
  const state = useAsync(() => invitations.preview(token), [api, token], token !== '');
  const problemText = (code: string) => label(s, 'problem', code);
  const header = <PanelHeaderWithBack back={s.back}>{s.inviteTitle}</PanelHeaderWithBack>;
  if (state.status === 'error' && state.error instanceof ApiRequestError && state.error.status === 404) {
    return (
      <>
        {header}
        <Placeholder data-testid="invite-problem">{problemText('invitation_not_found')}</Placeholder>
      </>
    );
  }
  return (
    <>
      {header}
      <LoadState state={state}>
        {(inv) => {
          const problem = outcome && outcome !== 'accepted' ? outcome : inv.problem;
          const sections =
            inv.role === 'agency_admin' ? s.allSections : inv.sections.map((x) => label(s, 'section', x)).join(', ');
          return (
            <Group>
              <Placeholder
                data-testid="invite-agency"
                title={fill(s.invitedBy, { agency: inv.agencyName })}
                action={
                  outcome === 'accepted' ? (
                    <Button size="l" data-testid="invite-open-office" onClick={() => navigator.replace(paths.admin())}>
                      {s.openOffice}
                    </Button>
                  ) : problem ? undefined : (
                    <Button
                      size="l"
                      data-testid="invite-accept"
                      onClick={() =>
                        invitations.accept(token).then(
                          () => {
                            // What the office opens changed: the answer this session holds (asked with the first
                            // screen) is asked again when the office opens.
                            if (HAS_OFFICE) forgetOfficeAccess(api);
                            setOutcome('accepted');
                          },
                          (e) => setOutcome(e instanceof ApiRequestError ? e.code : 'error'),
                        )
                      }
                    >
                      {s.accept}
                    </Button>
                  )
                }
              >
                {outcome === 'accepted' ? s.accepted : problem ? problemText(problem) : null}
              </Placeholder>
              {inv.brandName && <SimpleCell>{fill(s.invitedToBrand, { brand: inv.brandName })}</SimpleCell>}
              <SimpleCell>{fill(s.invitedAsRole, { role: label(s, 'role', inv.role) })}</SimpleCell>
              <SimpleCell multiline>{fill(s.invitedSections, { sections: sections || s.noSections })}</SimpleCell>
              <SimpleCell>
                {fill(s.validUntil, {
                  date: dateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(inv.expiresAt),
                })}
              </SimpleCell>
            </Group>
          );
        }}
      </LoadState>
    </>
  );
}
