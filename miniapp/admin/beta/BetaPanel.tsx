/**
 * The office's beta test of one campaign (`#/admin/campaign/:id/beta`): the test group, adding a VK id, the tester
 * link with copy, replace and revoke. Lazy: never in the participant's bundle. The server checks the `campaigns` right.
 */
import { Button, ButtonGroup, FormItem, Group, Header, Input, SimpleCell } from '@vkontakte/vkui';
import { useState } from 'react';
import { useApp } from '../../app-context.ts';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import { LoadState } from '../../screens/LoadState.tsx';
import { useAsync } from '../../use-async.ts';
import { useRouteId } from '../../use-route-id.ts';
import { InputWithButton } from '../InputWithButton.tsx';
import { betaStrings } from '../i18n-beta.ts';
import { useOfficeWrite, WriteRefusal } from '../office-write.tsx';
import { PersonWho } from '../PersonWho.tsx';
import { addTester, type BetaGroup, betaGroup, removeTester, revokeLink, rotateLink } from './beta-api.ts';

export default function BetaPanel() {
  const { api, language } = useApp();
  const s = betaStrings(language);
  const campaignId = useRouteId();
  const [fresh, setFresh] = useState<BetaGroup | null>(null);
  const { error, run } = useOfficeWrite(s.error);
  const state = useAsync(
    () => (campaignId ? betaGroup(api, campaignId) : Promise.reject(new Error('no campaign'))),
    [api, campaignId],
  );
  /** Runs a write, then shows the group as the server now has it. */
  const act = async (write: () => Promise<unknown>) => {
    if (!campaignId) return;
    await run(async () => {
      await write();
      setFresh(await betaGroup(api, campaignId));
    });
  };
  return (
    <>
      <PanelHeaderWithBack back={s.back}>{s.title}</PanelHeaderWithBack>
      <LoadState state={state}>
        {(loaded) => {
          const group = fresh ?? loaded;
          const id = campaignId as number;
          return (
            <>
              <Group>
                <SimpleCell multiline>{group.open ? s.intro : s.closed}</SimpleCell>
                <WriteRefusal error={error} />
              </Group>
              <Group header={<Header>{s.link}</Header>}>
                <LinkSection
                  group={group}
                  onRotate={() => act(() => rotateLink(api, id))}
                  onRevoke={() => act(() => revokeLink(api, id))}
                />
              </Group>
              <Group header={<Header>{s.group}</Header>}>
                {group.testers.length === 0 && <SimpleCell>{s.empty}</SimpleCell>}
                {group.testers.map((t) => (
                  <SimpleCell
                    key={t.id}
                    data-testid={`tester-${t.userId}`}
                    subtitle={t.source === 'link' ? s.fromLink : s.fromOffice}
                    after={
                      <Button mode="tertiary" onClick={() => void act(() => removeTester(api, id, t.id))}>
                        {s.remove}
                      </Button>
                    }
                  >
                    <PersonWho person={t} />
                  </SimpleCell>
                ))}
                {group.open && <AddTester onAdd={(vkId) => act(() => addTester(api, id, vkId))} />}
              </Group>
            </>
          );
        }}
      </LoadState>
    </>
  );
}

function LinkSection({ group, onRotate, onRevoke }: { group: BetaGroup; onRotate(): void; onRevoke(): void }) {
  const { language } = useApp();
  const s = betaStrings(language);
  const [copied, setCopied] = useState(false);
  const link = group.link;
  const address = link ? (link.url ?? `${location.origin}${location.pathname}${location.search}${link.hash}`) : '';
  return (
    <>
      {link ? (
        <SimpleCell multiline data-testid="beta-link">
          {address}
        </SimpleCell>
      ) : (
        <SimpleCell multiline>{s.noLink}</SimpleCell>
      )}
      {group.open && (
        <FormItem>
          <ButtonGroup mode="horizontal" gap="m" stretched>
            {link && (
              <Button
                mode="secondary"
                onClick={() =>
                  void navigator.clipboard?.writeText(address).then(
                    () => setCopied(true),
                    () => {},
                  )
                }
              >
                {copied ? s.copied : s.copy}
              </Button>
            )}
            <Button mode="secondary" onClick={onRotate}>
              {link ? s.rotate : s.createLink}
            </Button>
            {link && (
              <Button mode="tertiary" appearance="negative" onClick={onRevoke}>
                {s.revoke}
              </Button>
            )}
          </ButtonGroup>
        </FormItem>
      )}
    </>
  );
}

function AddTester({ onAdd }: { onAdd(vkId: number): Promise<void> }) {
  const { language } = useApp();
  const s = betaStrings(language);
  const [value, setValue] = useState('');
  const vkId = Number(value.trim().replace(/^id/, ''));
  const valid = Number.isSafeInteger(vkId) && vkId > 0;
  return (
    <FormItem top={s.addById} htmlFor="beta-vk-id">
      <InputWithButton
        input={<Input id="beta-vk-id" placeholder={s.vkId} value={value} onChange={(e) => setValue(e.target.value)} />}
        label={s.add}
        disabled={!valid}
        onClick={() => void onAdd(vkId).then(() => setValue(''))}
      />
    </FormItem>
  );
}
