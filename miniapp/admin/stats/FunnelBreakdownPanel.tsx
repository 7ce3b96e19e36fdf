/**
 * A campaign's funnel broken down (`#/admin/campaign/:id/stats/breakdown?by=source|variant&rule=N&from=…&to=…&tz=…
 * &platform=…`), opened from its funnel on the statistics page: per launch source (where in VK people opened it) or per
 * message variant of one bot rule (the A/B of a mailing, its holdout and those it never messaged), people per stage and
 * the share who finished — over the page's period and platform, so its numbers are the funnel's beside it, and the
 * screen says which. The choice and the filter live in the address, so Back and reload keep them. Its own lazy chunk
 * inside the office.
 */
import { FormItem, Group, Header, NativeSelect, Placeholder, SegmentedControl, SimpleCell } from '@vkontakte/vkui';
import { useMemo } from 'react';
import { useApp } from '../../app-context.ts';
import { fill } from '../../i18n-fill.ts';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import { paths, useRouteNavigator, useRouteQuery } from '../../routes.ts';
import { LoadState } from '../../screens/LoadState.tsx';
import { NotFound } from '../../screens/NotFoundPanel.tsx';
import { useAsync } from '../../use-async.ts';
import { useRouteId } from '../../use-route-id.ts';
import { type BreakdownMessages, breakdownStrings } from '../i18n-breakdown.ts';
import { LoadStateScreen } from '../LoadStateScreen.tsx';
import { stageLabel } from '../stage-label.ts';
import { zoneLabel } from '../zoned-time.ts';
import { type CampaignFunnel, campaignFunnel } from './campaign-funnel.ts';
import {
  type BreakdownBy,
  type BreakdownFilter,
  type BreakdownGroup,
  breakdownByOf,
  breakdownFilterOf,
  fetchBreakdown,
  finishShare,
  groupText,
  platformText,
  rankGroups,
  SMALL_GROUP,
} from './funnel-breakdown.ts';
import { fetchMeasure } from './stats-api.ts';
import { dayText, formatInt, formatShare } from './stats-format.ts';

export default function FunnelBreakdownPanel() {
  const campaignId = useRouteId();
  const query = useRouteQuery();
  const by = breakdownByOf(query.get('by'));
  const rule = Number(query.get('rule')) || undefined;
  const search = query.toString();
  const filter = useMemo(() => breakdownFilterOf(new URLSearchParams(search)), [search]);
  if (!campaignId) return <NotFound />;
  return <FunnelBreakdown campaignId={campaignId} by={by} rule={rule} filter={filter} />;
}

function FunnelBreakdown(props: { campaignId: number; by: BreakdownBy; rule?: number; filter: BreakdownFilter }) {
  const { campaignId, by, rule, filter } = props;
  const { api, language } = useApp();
  const s = breakdownStrings(language);
  const navigator = useRouteNavigator();
  const funnel = useAsync(() => campaignFunnel(api, campaignId), [api, campaignId]);
  // The rules to choose from: the statistics' own list of them (the same `stats` right as the report).
  const rules = useAsync(
    () => fetchMeasure(api, { kind: 'campaign', id: campaignId }, 'mailings', {}).then((m) => m.rules),
    [api, campaignId],
    by === 'variant',
  );
  // The address's rule if the campaign has it (a hand-edited or stale one is not asked for), else its first rule.
  const ruleId =
    by === 'variant' && rules.status === 'ready'
      ? (rules.data.find((r) => r.ruleId === rule) ?? rules.data[0])?.ruleId
      : undefined;
  const waiting = by === 'variant' && (rules.status !== 'ready' || ruleId === undefined);
  const report = useAsync(
    () => fetchBreakdown(api, campaignId, by, ruleId, filter),
    [api, campaignId, by, ruleId, filter],
    !waiting,
  );
  if (funnel.status !== 'ready') return <LoadStateScreen state={funnel} title={s.title} />;
  const choose = (next: { by: BreakdownBy; rule?: number | undefined }) =>
    void navigator.replace(paths.adminFunnelBreakdown(campaignId, next.by, next.rule, filter));
  return (
    <>
      <PanelHeaderWithBack back={s.back}>{s.title}</PanelHeaderWithBack>
      <Group header={<Header multiline>{funnel.data.title}</Header>}>
        <ShownFilter filter={filter} s={s} language={language} />
        <FormItem top={s.by}>
          <SegmentedControl
            aria-label={s.by}
            value={by}
            onChange={(v) => choose({ by: v as BreakdownBy })}
            options={[
              { value: 'source', label: s.bySource },
              { value: 'variant', label: s.byVariant },
            ]}
          />
        </FormItem>
        {by === 'variant' && rules.status === 'ready' && rules.data.length > 0 && (
          <FormItem top={s.rule} htmlFor="breakdown-rule">
            <NativeSelect
              id="breakdown-rule"
              data-testid="breakdown-rule"
              value={String(ruleId)}
              onChange={(e) => choose({ by, rule: Number(e.target.value) })}
            >
              {rules.data.map((r) => (
                <option key={r.ruleId} value={r.ruleId}>
                  {r.enabled ? r.name : `${r.name} (${s.off})`}
                </option>
              ))}
            </NativeSelect>
          </FormItem>
        )}
      </Group>
      {by === 'variant' && rules.status === 'ready' && rules.data.length === 0 ? (
        <Placeholder data-testid="breakdown-no-rules" title={s.noRules}>
          {s.noRulesText}
        </Placeholder>
      ) : by === 'variant' && rules.status !== 'ready' ? (
        <LoadState state={rules}>{() => null}</LoadState>
      ) : (
        <LoadState state={report}>
          {(r) => (
            <Groups groups={rankGroups(r.breakdown ?? [])} by={by} funnel={funnel.data} s={s} language={language} />
          )}
        </LoadState>
      )}
    </>
  );
}

/** Which people the numbers count: the statistics page's days (in its zone) and platform, or the whole campaign. */
function ShownFilter({
  filter,
  s,
  language,
}: {
  filter: BreakdownFilter;
  s: BreakdownMessages;
  language: 'ru' | 'en';
}) {
  const { period, platform } = filter;
  const days = period
    ? fill(s.period, {
        from: dayText(period.from, language),
        to: dayText(period.to, language),
        tz: zoneLabel(period.timeZone),
      })
    : s.sinceStart;
  return (
    <SimpleCell
      multiline
      data-testid="breakdown-filter"
      data-from={period?.from}
      data-to={period?.to}
      data-platform={platform ?? 'all'}
    >
      {fill(s.shown, {
        period: days,
        platform: platform ? fill(s.onePlatform, { platform: platformText(platform) }) : s.allPlatforms,
      })}
    </SimpleCell>
  );
}

function Groups(props: {
  groups: BreakdownGroup[];
  by: BreakdownBy;
  funnel: CampaignFunnel;
  s: BreakdownMessages;
  language: 'ru' | 'en';
}) {
  const { groups, by, funnel, s, language } = props;
  if (groups.length === 0) {
    return (
      <Placeholder data-testid="breakdown-empty" title={s.nobody}>
        {s.nobodyText}
      </Placeholder>
    );
  }
  return (
    <div data-testid="breakdown-groups">
      <Header multiline subtitle={s.hint}>
        {by === 'source' ? s.headingSource : s.headingVariant}
      </Header>
      {groups.map((g) => {
        const people = g.stages[0]?.count ?? 0;
        const finished = g.stages.at(-1)?.count ?? 0;
        const line = fill(s.groupLine, {
          people: formatInt(people, language),
          finished: formatInt(finished, language),
          share: formatShare(finishShare(g), language),
        });
        return (
          <Group
            key={g.value}
            data-testid={`breakdown-group-${g.value}`}
            data-people={people}
            data-finished={finished}
            header={
              <Header
                multiline
                subtitle={people < SMALL_GROUP ? `${line}. ${fill(s.small, { n: SMALL_GROUP })}` : line}
              >
                <span data-testid={`breakdown-label-${g.value}`}>{groupText(by, g.value, s, language)}</span>
              </Header>
            }
          >
            {g.stages.map((st, k) => (
              <SimpleCell
                key={st.stage}
                multiline
                data-testid={`breakdown-stage-${g.value}-${st.stage}`}
                subtitle={k === 0 ? undefined : fill(s.ofFirst, { share: formatShare(st.pctOfFirst / 100, language) })}
                after={
                  <span data-testid={`breakdown-count-${g.value}-${st.stage}`} data-value={st.count}>
                    {formatInt(st.count, language)}
                  </span>
                }
              >
                {stageLabel(st.stage, language, funnel.taskTitles)}
              </SimpleCell>
            ))}
          </Group>
        );
      })}
    </div>
  );
}
