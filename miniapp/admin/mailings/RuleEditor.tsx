/**
 * `#/admin/campaign/:id/mailings/rule/:ruleId` (`new` to create): "reached stage A, not B, for N hours (at most M)",
 * the audience (source, tags, language), channel, variants with an even split — each with its text per language and
 * a deep link picked from the campaign's screens — holdout and quiet hours. The server checks it against the campaign.
 */
import {
  Button,
  Div,
  Footnote,
  FormItem,
  FormLayoutGroup,
  FormStatus,
  Group,
  Header,
  Input,
  NativeSelect,
  SegmentedControl,
} from '@vkontakte/vkui';
import { useState } from 'react';
import { ApiRequestError } from '../../api/client.ts';
import { composeKey } from '../../api/client-key.ts';
import { fill } from '../../i18n-fill.ts';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import { useRouteNavigator } from '../../routes.ts';
import { LoadState } from '../../screens/LoadState.tsx';
import { NotFound } from '../../screens/NotFoundPanel.tsx';
import { useAsync } from '../../use-async.ts';
import { useRouteParam } from '../../use-route-param.ts';
import { stageLabel } from '../stage-label.ts';
import { zoneLabel } from '../zoned-time.ts';
import type { Channel, MailingOptions, NewRule, Rule } from './mailing-api.ts';
import { RuleVariants } from './RuleVariants.tsx';
import { SegmentFields } from './SegmentFields.tsx';
import { type MailingsServices, useMailings } from './use-mailings.ts';
import { useRuleProblems } from './use-rule-problems.ts';

export function RuleEditor() {
  const services = useMailings();
  const { calls, campaignId, m, t } = services;
  const param = useRouteParam('ruleId');
  const ruleId = param === 'new' ? undefined : Number(param);
  // Bumped to read the rule again: the version someone else saved while this one was being edited.
  const [reads, readAgain] = useState(0);
  const state = useAsync(
    async () => {
      const [options, rules] = await Promise.all([calls.options(), calls.rules()]);
      return { options, rule: rules.find((r) => r.rule.id === ruleId)?.rule };
    },
    [calls, ruleId, reads],
    campaignId !== undefined,
  );
  if (state.status === 'ready' && ruleId !== undefined && !state.data.rule) return <NotFound />;
  return (
    <>
      <PanelHeaderWithBack back={t.back}>{ruleId === undefined ? m.newRule : m.ruleTitle}</PanelHeaderWithBack>
      <LoadState state={state}>
        {({ options, rule }) => (
          // A newer saved copy starts a fresh form from it.
          <RuleForm
            key={rule?.updatedAt ?? 'new'}
            services={services}
            options={options}
            rule={rule}
            onLoadSaved={() => readAgain((n) => n + 1)}
          />
        )}
      </LoadState>
    </>
  );
}

function blankRule(options: MailingOptions): NewRule {
  return {
    name: '',
    stage: options.stages[0] ?? '',
    notStage: options.stages[1] ?? options.stages[0] ?? '',
    minHours: 24,
    maxHours: null,
    channel: 'message',
    variants: [{ key: 'A', text: '', texts: {} }],
    segment: {},
    holdoutPercent: 10,
    quietFromHour: 22,
    quietToHour: 9,
  };
}

const fromRule = (r: Rule): NewRule => ({
  name: r.name,
  stage: r.stage,
  notStage: r.notStage,
  minHours: r.minHours,
  maxHours: r.maxHours,
  channel: r.channel,
  variants: r.variants,
  segment: r.segment,
  holdoutPercent: r.holdoutPercent,
  quietFromHour: r.quietFromHour,
  quietToHour: r.quietToHour,
});

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const whole = (v: string) => Math.max(0, Math.trunc(Number(v) || 0));

function RuleForm({
  services,
  options,
  rule,
  onLoadSaved,
}: {
  services: MailingsServices;
  options: MailingOptions;
  rule?: Rule;
  onLoadSaved: () => void;
}) {
  const { m, calls } = services;
  const navigator = useRouteNavigator();
  const [draft, setDraft] = useState<NewRule>(() => (rule ? fromRule(rule) : blankRule(options)));
  const problems = useRuleProblems(services, draft);
  /** Someone saved this rule after it was opened: this copy can only be replaced by theirs (the text stays until then). */
  const [stale, setStale] = useState(false);
  /** A save is on its way: a second tap must not create the rule twice. */
  const [busy, setBusy] = useState(false);
  // One key per composed rule: a retry after a lost answer creates it once (server/mailing/rule-keys.ts).
  const [keys] = useState(() => composeKey());
  /** Changes the draft; the edited field's (by its id in rule-fields.ts) marks from the server go. */
  const set = (patch: Partial<NewRule>, field?: string) => {
    setDraft((d) => ({ ...d, ...patch }));
    if (field) problems.edited(field);
  };
  const { mark, markOr } = problems;
  const stageSelect = (value: string, onChange: (v: string) => void) => (
    <NativeSelect value={value} onChange={(e) => onChange(e.target.value)}>
      {options.stages.map((s) => (
        <option key={s} value={s}>
          {stageLabel(s, services.language, options.taskTitles)}
        </option>
      ))}
    </NativeSelect>
  );
  const save = () => {
    // The main text is the Russian one, else the English one (the server falls back to it).
    const variants = draft.variants.map((v) => ({ ...v, text: v.texts?.ru || v.texts?.en || v.text }));
    const body = { ...draft, variants };
    if (busy) return;
    // Save stays pressable: with blanks it marks them and names them under it instead of sending.
    if (!problems.ready()) return;
    setBusy(true);
    const saving = rule
      ? calls.updateRule(rule.id, { ...body, savedAt: rule.updatedAt })
      : calls.createRule(body, keys.keyFor(JSON.stringify(body)));
    saving.then(
      () => {
        keys.sent();
        navigator.back();
      },
      (err: unknown) => {
        setBusy(false);
        problems.refused(err);
        setStale(err instanceof ApiRequestError && err.code === 'saved_meanwhile');
      },
    );
  };
  return (
    <>
      <Group>
        <FormItem top={m.name} htmlFor="rule-name" {...mark('name')}>
          <Input
            id="rule-name"
            status={mark('name').status}
            value={draft.name}
            onChange={(e) => set({ name: e.target.value }, 'name')}
          />
        </FormItem>
        <FormLayoutGroup mode="horizontal">
          <FormItem top={m.stage} {...mark('stage')}>
            {stageSelect(draft.stage, (stage) => set({ stage }, 'stage'))}
          </FormItem>
          <FormItem top={m.notStage} {...mark('notStage')}>
            {stageSelect(draft.notStage, (notStage) => set({ notStage }, 'notStage'))}
          </FormItem>
        </FormLayoutGroup>
        <FormLayoutGroup mode="horizontal">
          <FormItem top={m.minHours} {...mark('minHours')}>
            <Input
              type="number"
              min={0}
              value={draft.minHours}
              onChange={(e) => set({ minHours: whole(e.target.value) }, 'minHours')}
            />
          </FormItem>
          <FormItem top={m.maxHours} {...mark('maxHours')}>
            <Input
              type="number"
              min={1}
              value={draft.maxHours ?? ''}
              onChange={(e) => set({ maxHours: e.target.value === '' ? null : whole(e.target.value) }, 'maxHours')}
            />
          </FormItem>
        </FormLayoutGroup>
      </Group>
      <Group header={<Header>{m.segment}</Header>}>
        <SegmentFields
          m={m}
          language={services.language}
          options={options}
          value={draft.segment ?? {}}
          onChange={(segment) => {
            set({ segment });
            for (const field of ['segment.source', 'segment.tags', 'segment.languages']) problems.edited(field);
          }}
          withStage={false}
        />
        <FormItem top={m.channel} {...markOr('channel', m[`channelHint_${draft.channel}`])}>
          <SegmentedControl
            value={draft.channel}
            onChange={(v) => set({ channel: v as Channel }, 'channel')}
            options={[
              { label: m.channel_message, value: 'message' },
              { label: m.channel_notification, value: 'notification' },
            ]}
          />
        </FormItem>
      </Group>
      <RuleVariants
        m={m}
        options={options}
        variants={draft.variants}
        mark={mark}
        onEdit={(field, variants) => set({ variants }, field)}
        onReshape={(variants) => {
          set({ variants });
          problems.reshaped();
        }}
      />
      <Group>
        <FormItem top={m.holdout} {...markOr('holdoutPercent', m.holdoutHint)}>
          <Input
            type="number"
            min={0}
            max={90}
            value={draft.holdoutPercent ?? 0}
            onChange={(e) => set({ holdoutPercent: Math.min(90, whole(e.target.value)) }, 'holdoutPercent')}
          />
        </FormItem>
        <FormLayoutGroup mode="horizontal">
          <FormItem top={m.quietFrom}>
            <NativeSelect
              value={draft.quietFromHour ?? 22}
              onChange={(e) => set({ quietFromHour: Number(e.target.value) }, 'quietHours')}
            >
              {HOURS.map((h) => (
                <option key={h} value={h}>{`${h}:00`}</option>
              ))}
            </NativeSelect>
          </FormItem>
          <FormItem top={m.quietTo}>
            <NativeSelect
              value={draft.quietToHour ?? 9}
              onChange={(e) => set({ quietToHour: Number(e.target.value) }, 'quietHours')}
            >
              {HOURS.map((h) => (
                <option key={h} value={h}>{`${h}:00`}</option>
              ))}
            </NativeSelect>
          </FormItem>
        </FormLayoutGroup>
        <FormItem data-testid="quiet-zone" status={mark('quietHours').status} bottom={mark('quietHours').bottom}>
          <Footnote>{fill(m.timesIn, { zone: zoneLabel(options.timeZone) })}</Footnote>
        </FormItem>
        {problems.status && (
          <FormItem>
            <FormStatus mode="error" data-testid="rule-error" role="alert">
              {problems.status.map((line) => (
                <div key={line}>{line}</div>
              ))}
            </FormStatus>
          </FormItem>
        )}
        <Div>
          {stale ? (
            <Button size="l" stretched mode="secondary" onClick={onLoadSaved} data-testid="rule-load-saved">
              {m.loadSavedRule}
            </Button>
          ) : (
            <Button size="l" stretched onClick={save} loading={busy} data-testid="rule-save">
              {m.save}
            </Button>
          )}
        </Div>
      </Group>
    </>
  );
}
