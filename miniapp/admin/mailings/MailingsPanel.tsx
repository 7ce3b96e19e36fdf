/**
 * `#/admin/campaign/:id/mailings`: the campaign's funnel rules with their numbers and an on/off switch, its
 * broadcasts with their state, and the community's frequency cap. Rules and broadcasts open their own screens.
 */
import {
  Button,
  Div,
  FormItem,
  FormLayoutGroup,
  FormStatus,
  Group,
  Header,
  Input,
  Placeholder,
  SimpleCell,
  Switch,
} from '@vkontakte/vkui';
import { useState } from 'react';
import { fill } from '../../i18n-fill.ts';
import { withReason } from '../../i18n-reason.ts';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import { paths, useRouteNavigator } from '../../routes.ts';
import { LoadState } from '../../screens/LoadState.tsx';
import { useAsync } from '../../use-async.ts';
import { refusalText } from '../refusal-text.ts';
import { stageLabel } from '../stage-label.ts';
import { broadcastState } from './broadcast-state.ts';
import type { Cap, ListedBroadcast, MailingOptions, RuleSummary } from './mailing-api.ts';
import { type MailingsServices, useMailings } from './use-mailings.ts';

export function MailingsPanel() {
  const services = useMailings();
  const { calls, campaignId, m, t } = services;
  const state = useAsync(
    async () => {
      const [options, rules, broadcasts] = await Promise.all([calls.options(), calls.rules(), calls.broadcasts()]);
      return { options, rules, broadcasts };
    },
    [calls],
    campaignId !== undefined,
  );
  return (
    <>
      <PanelHeaderWithBack back={t.back}>{m.title}</PanelHeaderWithBack>
      <LoadState state={state}>{(data) => <MailingsBody services={services} {...data} />}</LoadState>
    </>
  );
}

function MailingsBody({
  services,
  options,
  rules,
  broadcasts,
}: {
  services: MailingsServices;
  options: MailingOptions;
  rules: RuleSummary[];
  broadcasts: ListedBroadcast[];
}) {
  const { m, campaignId = 0 } = services;
  const navigator = useRouteNavigator();
  return (
    <>
      <Group header={<Header>{m.broadcasts}</Header>}>
        <Div>
          <Button
            size="l"
            data-testid="new-broadcast"
            onClick={() => navigator.push(paths.adminMailingBroadcast(campaignId, 'new'))}
          >
            {m.newBroadcast}
          </Button>
        </Div>
        {broadcasts.length === 0 && <Placeholder>{m.noBroadcasts}</Placeholder>}
        {broadcasts.map((b) => (
          <SimpleCell
            key={b.id}
            chevron="always"
            subtitle={broadcastState(m, services.language, b, options.timeZone)}
            onClick={() => navigator.push(paths.adminMailingBroadcast(campaignId, b.id))}
          >
            {b.name}
          </SimpleCell>
        ))}
      </Group>
      <Group header={<Header>{m.rules}</Header>}>
        <Div>
          <Button size="l" mode="secondary" onClick={() => navigator.push(paths.adminMailingRule(campaignId, 'new'))}>
            {m.newRule}
          </Button>
        </Div>
        {rules.length === 0 && <Placeholder>{m.noRules}</Placeholder>}
        {rules.map((r) => (
          <RuleCell key={r.rule.id} services={services} summary={r} taskTitles={options.taskTitles} />
        ))}
      </Group>
      {options.cap && <CapForm services={services} cap={options.cap} />}
    </>
  );
}

function RuleCell({
  services,
  summary,
  taskTitles,
}: {
  services: MailingsServices;
  summary: RuleSummary;
  /** The titles of the tasks the campaign's stages name: the rule's goal stage is shown in words. */
  taskTitles: Record<string, string>;
}) {
  const { m, calls, campaignId = 0 } = services;
  const navigator = useRouteNavigator();
  const [active, setActive] = useState(summary.rule.active);
  const [error, setError] = useState<string>();
  const numbers = fill(m.ruleNumbers, {
    sent: summary.sent,
    opened: summary.openedAfter,
    stage: stageLabel(summary.rule.notStage, services.language, taskTitles),
    converted: summary.converted,
  });
  const lift = summary.liftPoints === null ? m.noLift : fill(m.lift, { lift: summary.liftPoints });
  return (
    <SimpleCell
      multiline
      onClick={() => navigator.push(paths.adminMailingRule(campaignId, summary.rule.id))}
      subtitle={error ?? `${numbers} · ${lift}`}
      after={
        <Switch
          aria-label={m.active}
          checked={active}
          onClick={(e) => e.stopPropagation()}
          onChange={(e) => {
            const next = e.target.checked;
            setActive(next);
            calls.switchRule(summary.rule.id, next).then(
              (r) => setActive(r.active),
              (err: Error) => {
                setActive(!next);
                setError(withReason(m.error, refusalText(err, services.language)));
              },
            );
          }}
        />
      }
    >
      {summary.rule.name}
    </SimpleCell>
  );
}

function CapForm({ services, cap: initial }: { services: MailingsServices; cap: Cap }) {
  const { m, calls } = services;
  const [cap, setCap] = useState(initial);
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const number = (v: string) => Math.max(1, Math.trunc(Number(v) || 1));
  return (
    <Group header={<Header>{m.cap}</Header>}>
      <FormLayoutGroup mode="horizontal">
        <FormItem top={m.capCount}>
          <Input
            type="number"
            min={1}
            value={cap.capCount}
            onChange={(e) => setCap({ ...cap, capCount: number(e.target.value) })}
          />
        </FormItem>
        <FormItem top={m.capHours}>
          <Input
            type="number"
            min={1}
            value={cap.capHours}
            onChange={(e) => setCap({ ...cap, capHours: number(e.target.value) })}
          />
        </FormItem>
      </FormLayoutGroup>
      {status && (
        <FormItem>
          <FormStatus mode={status.ok ? 'default' : 'error'}>{status.text}</FormStatus>
        </FormItem>
      )}
      <Div>
        <Button
          mode="secondary"
          onClick={() =>
            calls.setCap(cap).then(
              () => setStatus({ ok: true, text: m.saved }),
              (err: unknown) =>
                setStatus({ ok: false, text: withReason(m.error, refusalText(err, services.language)) }),
            )
          }
        >
          {m.save}
        </Button>
      </Div>
    </Group>
  );
}
