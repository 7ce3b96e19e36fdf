/**
 * An import's report: how many offers were added, updated, left unchanged and ended, the CSV columns it did not know
 * (their data was not imported: a misspelled «Цна» must not pass unnoticed), then each skipped offer with its line
 * number and/or offer id and the reason in the office's language, worded from the server's params (the XML parser's
 * own account under it, nothing else: import-issues.ts). A refused file shows only its issues.
 */
import { FormItem, FormStatus, Group, Header, SimpleCell } from '@vkontakte/vkui';
import { fill } from '../../i18n-fill.ts';
import type { OffersOfficeMessages } from './i18n-offers-office.ts';
import { issueDetail, issuePlace, issueReason } from './import-issues.ts';
import type { ImportIssue, ImportReport } from './offers-office-api.ts';

const COUNTS = ['added', 'updated', 'unchanged', 'ended', 'categories', 'notified'] as const;

export function IssueList({ issues, t }: { issues: ImportIssue[]; t: OffersOfficeMessages }) {
  return (
    <div data-testid="offers-import-issues">
      {issues.map((issue, index) => {
        const reason = issueReason(issue, t);
        return (
          <SimpleCell
            // biome-ignore lint/suspicious/noArrayIndexKey: issues have no id; the report never reorders.
            key={index}
            multiline
            subtitle={reason ?? issue.message}
            extraSubtitle={issueDetail(issue, t)}
            data-testid={`offers-issue-${issue.offerId ?? `line-${issue.line ?? 0}`}`}
          >
            {issuePlace(issue, t)}
          </SimpleCell>
        );
      })}
    </div>
  );
}

export function ImportReportView({ report, t }: { report: ImportReport; t: OffersOfficeMessages }) {
  return (
    <Group
      header={<Header subtitle={t[`format_${report.format}`]}>{t.report}</Header>}
      data-testid="offers-import-report"
    >
      {COUNTS.map((key) => (
        <SimpleCell key={key} indicator={<span data-testid={`offers-report-${key}`}>{report[key]}</span>}>
          {t[key]}
        </SimpleCell>
      ))}
      {report.ignoredColumns.length > 0 && (
        <FormItem>
          <FormStatus title={t.ignoredColumnsTitle} data-testid="offers-report-ignored">
            {fill(t.ignoredColumns, { names: report.ignoredColumns.map((name) => `«${name}»`).join(', ') })}
          </FormStatus>
        </FormItem>
      )}
      <Header size="s">{report.issues.length > 0 ? fill(t.issues, { n: report.issues.length }) : t.noIssues}</Header>
      <IssueList issues={report.issues} t={t} />
    </Group>
  );
}
