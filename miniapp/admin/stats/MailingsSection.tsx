/**
 * How each rule and broadcast did: sent, conversion to its target stage (named) of those messaged against the holdout,
 * and the lift.
 */
import { Group, Header, SimpleCell } from '@vkontakte/vkui';
import { useApp } from '../../app-context.ts';
import { fill } from '../../i18n-fill.ts';
import { statsStrings } from '../i18n-stats.ts';
import { mailingTargetText } from './mailing-target.ts';
import type { StatsResponse } from './stats-api.ts';
import { formatInt, formatNumber, formatShare } from './stats-format.ts';

type Mailings = StatsResponse<'mailings'>;
type Performance = Mailings['rules'][number] | Mailings['broadcasts'][number];

export function MailingsList({ data }: { data: Mailings }) {
  const { language } = useApp();
  const s = statsStrings(language);
  return (
    <>
      {data.rules.length > 0 && (
        <Group mode="plain" header={<Header size="s">{s.rules}</Header>}>
          {data.rules.map((rule) => (
            <MailingCell
              key={`rule-${rule.ruleId}`}
              testId={`stats-mailing-rule-${rule.ruleId}`}
              title={rule.enabled ? rule.name : `${rule.name} (${s.off})`}
              row={rule}
            />
          ))}
        </Group>
      )}
      {data.broadcasts.length > 0 && (
        <Group mode="plain" header={<Header size="s">{s.broadcasts}</Header>}>
          {data.broadcasts.map((b) => (
            <MailingCell
              key={`broadcast-${b.broadcastId}`}
              testId={`stats-mailing-broadcast-${b.broadcastId}`}
              title={b.title}
              row={b}
            />
          ))}
        </Group>
      )}
    </>
  );
}

function MailingCell({ title, row, testId }: { title: string; row: Performance; testId: string }) {
  const { language } = useApp();
  const s = statsStrings(language);
  const lift =
    row.liftPoints === null
      ? s.noHoldout
      : fill(s.lift, { pts: `${row.liftPoints > 0 ? '+' : ''}${formatNumber(row.liftPoints, language)}` });
  return (
    <SimpleCell
      multiline
      data-testid={testId}
      extraSubtitle={mailingTargetText(row, language)}
      subtitle={`${fill(s.mailingLine, {
        sent: formatInt(row.sent, language),
        failed: formatInt(row.failed, language),
        treated: formatShare(row.treated.rate, language),
        holdout: formatShare(row.holdout.rate, language),
      })} · ${lift}`}
    >
      {title}
    </SimpleCell>
  );
}
