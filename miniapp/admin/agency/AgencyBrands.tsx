/**
 * The agency's brands (`#/admin/agency`): each with its communities, apps and live campaigns, switched off and on
 * with a confirmation; a new brand by name; links to a brand's page and to the white label. The server decides rights.
 */
import { Button, ButtonGroup, FormItem, Group, Header, Input, SimpleCell, Text } from '@vkontakte/vkui';
import { useState } from 'react';
import { hasVisibleText } from '../../../server/http/visible-text.ts';
import { composeKey } from '../../api/client-key.ts';
import { fill } from '../../i18n-fill.ts';
import { paths, useRouteNavigator } from '../../routes.ts';
import { LoadState } from '../../screens/LoadState.tsx';
import { useAsync } from '../../use-async.ts';
import { agencyStrings } from '../i18n-agency.ts';
import { LoadStateScreen } from '../LoadStateScreen.tsx';
import type { Office } from '../office-api.ts';
import { useOfficeWrite, WriteRefusal } from '../office-write.tsx';
import { withoutAgencyRole } from '../refused.ts';
import { forgetOfficeAccess, useOffice } from '../use-office.ts';
import { BrandedHeader, useAgencyBranding } from './AgencyBranding.tsx';
import { type AgencyBrand, agencyApi } from './agency-api.ts';

export function AgencyBrands({ office }: { office: Office }) {
  const services = useOffice();
  const { api, language } = services;
  const s = agencyStrings(language);
  const navigator = useRouteNavigator();
  const branding = useAgencyBranding(office);
  const agency = agencyApi(api);
  const [version, setVersion] = useState(0);
  const manageable = office.agencies?.find((a) => a.canManage);
  const state = useAsync(() => agency.brands(), [api, version], manageable !== undefined);
  const [name, setName] = useState('');
  // One key per new brand composed: a double click or a retry after a lost answer makes one brand.
  const [keys] = useState(() => composeKey());
  const [confirming, setConfirming] = useState<number | null>(null);
  const { error, run } = useOfficeWrite(s.error);
  const act = (write: () => Promise<unknown>) =>
    run(async () => {
      await write();
      setVersion((v) => v + 1);
    });
  // A member with no agency role (a brand's own people): the page is the agency's, said so (it said «Not found»).
  if (!manageable) return <LoadStateScreen state={withoutAgencyRole('agency')} title={s.title} />;
  return (
    <>
      <BrandedHeader branding={branding} title={s.title} back={{ label: s.back, onClick: () => navigator.back() }} />
      {error && (
        <Group>
          <WriteRefusal error={error} />
        </Group>
      )}
      <LoadState state={state}>
        {(brands: AgencyBrand[]) => (
          <Group header={<Header>{s.brands}</Header>}>
            {brands.length === 0 && <SimpleCell>{s.noBrands}</SimpleCell>}
            {brands.map((b) => (
              <div key={b.id} data-testid={`agency-brand-${b.id}`}>
                <SimpleCell
                  chevron="always"
                  multiline
                  onClick={() => navigator.push(paths.adminAgencyBrand(b.id))}
                  subtitle={`${fill(s.live, { n: b.liveCampaigns })} · ${fill(s.communitiesApps, { c: b.communities.length, a: b.apps.length })}`}
                  indicator={b.disabledAt !== null ? s.off : undefined}
                >
                  {b.name}
                </SimpleCell>
                {confirming === b.id ? (
                  <FormItem>
                    <Text>{fill(s.confirmOff, { name: b.name })}</Text>
                    <ButtonGroup mode="horizontal" gap="s">
                      <Button
                        mode="primary"
                        appearance="negative"
                        onClick={() => act(() => agency.switchBrand(b.id, true)).then(() => setConfirming(null))}
                      >
                        {s.confirm}
                      </Button>
                      <Button mode="secondary" onClick={() => setConfirming(null)}>
                        {s.cancel}
                      </Button>
                    </ButtonGroup>
                  </FormItem>
                ) : (
                  <FormItem>
                    {b.disabledAt !== null ? (
                      <Button mode="secondary" onClick={() => act(() => agency.switchBrand(b.id, false))}>
                        {s.switchOn}
                      </Button>
                    ) : (
                      <Button mode="tertiary" appearance="negative" onClick={() => setConfirming(b.id)}>
                        {s.switchOff}
                      </Button>
                    )}
                  </FormItem>
                )}
              </div>
            ))}
          </Group>
        )}
      </LoadState>
      {manageable && (
        <Group header={<Header>{s.newBrand}</Header>}>
          <FormItem top={s.brandName} htmlFor="agency-new-brand">
            <Input id="agency-new-brand" value={name} onChange={(e) => setName(e.target.value)} />
          </FormItem>
          <FormItem>
            <Button
              disabled={!hasVisibleText(name)}
              onClick={() =>
                act(async () => {
                  const composed = { agencyId: manageable.id, name: name.trim() };
                  await agency.createBrand(composed.agencyId, composed.name, keys.keyFor(JSON.stringify(composed)));
                  keys.sent();
                  // The new brand is one the office may now open: the next screen asks the server afresh.
                  forgetOfficeAccess(services);
                }).then(() => setName(''))
              }
            >
              {s.create}
            </Button>
          </FormItem>
        </Group>
      )}
      {manageable && (
        <Group>
          <SimpleCell
            chevron="always"
            data-testid="agency-team-link"
            onClick={() => navigator.push(paths.adminAgencyTeam())}
          >
            {s.team}
          </SimpleCell>
          {manageable.role === 'agency_admin' && (
            <SimpleCell chevron="always" onClick={() => navigator.push(paths.adminAgencySettings())}>
              {s.settings}
            </SimpleCell>
          )}
        </Group>
      )}
    </>
  );
}
