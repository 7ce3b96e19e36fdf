/**
 * `#/admin/campaign/:id/leads`: the campaign's leads, newest first, by status, with search and pages; each with its
 * CRM delivery state. CSV export (formula-safe on the server; VK's downloader on its mobile apps, office-csv-download.ts)
 * and the webhook settings are one tap away.
 */
import {
  Button,
  ButtonGroup,
  Div,
  Footnote,
  Group,
  Pagination,
  Placeholder,
  Search,
  SimpleCell,
  Snackbar,
  Tabs,
  TabsItem,
} from '@vkontakte/vkui';
import { useState } from 'react';
import { formatDateTime } from '../../i18n.ts';
import { fill } from '../../i18n-fill.ts';
import { withReason } from '../../i18n-reason.ts';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import { paths, useRouteNavigator } from '../../routes.ts';
import { LoadState } from '../../screens/LoadState.tsx';
import { useAsync } from '../../use-async.ts';
import { OfficeHorizontalScroll } from '../OfficeHorizontalScroll.tsx';
import { downloadOfficeCsv } from '../office-csv-download.ts';
import { refusalText } from '../refusal-text.ts';
import { filterLeads, type LeadQuery } from './lead-filter.ts';
import { STATUSES } from './leads-api.ts';
import { useLeads } from './use-leads.ts';

export function LeadsInbox() {
  const { l, t, calls, campaignId, language, api, platform } = useLeads();
  const navigator = useRouteNavigator();
  const [query, setQuery] = useState<LeadQuery>({ status: '', q: '', page: 0 });
  const [busy, setBusy] = useState(false);
  // A failed export is said with its reason (it was an unhandled rejection: the button stopped spinning, nothing else).
  const [csvFailure, setCsvFailure] = useState<string | null>(null);
  const state = useAsync(() => calls.list(), [calls]);
  const exportCsv = async () => {
    setBusy(true);
    setCsvFailure(null);
    try {
      await downloadOfficeCsv(api, platform, calls.csv);
    } catch (e) {
      setCsvFailure(withReason(l.csvFailed, refusalText(e, language)));
    } finally {
      setBusy(false);
    }
  };
  const date = (ms: number) => formatDateTime(ms, language);
  // A list refused (no `leads` right) or failed: only its error and Retry, no tool the server would refuse as well.
  const failed = state.status === 'error';
  return (
    <>
      <PanelHeaderWithBack back={l.back}>{l.title}</PanelHeaderWithBack>
      {!failed && (
        <Group>
          <Div>
            <ButtonGroup mode="horizontal" gap="s" stretched>
              <Button size="m" mode="secondary" loading={busy} onClick={exportCsv} data-testid="leads-csv" stretched>
                {l.csv}
              </Button>
              <Button
                size="m"
                mode="secondary"
                onClick={() => navigator.push(paths.adminLeadWebhook(campaignId))}
                data-testid="leads-webhook"
                stretched
              >
                {l.webhookShort}
              </Button>
            </ButtonGroup>
          </Div>
        </Group>
      )}
      <Group>
        {!failed && (
          <>
            <Search
              value={query.q}
              onChange={(e) => setQuery({ ...query, q: e.target.value, page: 0 })}
              placeholder={l.search}
              clearLabel={l.clearSearch}
              data-testid="leads-search"
            />
            <Tabs>
              <OfficeHorizontalScroll>
                {(['', ...STATUSES] as const).map((s) => (
                  <TabsItem
                    key={s || 'all'}
                    selected={query.status === s}
                    onClick={() => setQuery({ ...query, status: s, page: 0 })}
                    data-testid={`leads-status-${s || 'all'}`}
                  >
                    {s ? l[`status_${s}`] : l.all}
                  </TabsItem>
                ))}
              </OfficeHorizontalScroll>
            </Tabs>
          </>
        )}
        <LoadState state={state}>
          {(leads) => {
            const { rows, page, pages, total } = filterLeads(leads, query);
            if (rows.length === 0) return <Placeholder>{l.empty}</Placeholder>;
            return (
              <>
                {rows.map((lead) => (
                  <SimpleCell
                    key={lead.id}
                    multiline
                    chevron="always"
                    data-testid={`lead-${lead.id}`}
                    onClick={() => navigator.push(paths.adminLead(campaignId, lead.id))}
                    subtitle={[
                      fill(l.lead, { id: lead.id }),
                      l[`status_${lead.status}`],
                      lead.delivery ? `CRM: ${l[`delivery_${lead.delivery.status}`]}` : undefined,
                      date(lead.createdAt),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                    extraSubtitle={[lead.phone, lead.email].filter(Boolean).join(' · ')}
                  >
                    {lead.name}
                  </SimpleCell>
                ))}
                <Div style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 8 }}>
                  {pages > 1 && (
                    <Pagination
                      currentPage={page + 1}
                      totalPages={pages}
                      siblingCount={0}
                      boundaryCount={1}
                      navigationLabel={t.pages}
                      prevButtonLabel={t.prevPage}
                      nextButtonLabel={t.nextPage}
                      onChange={(p) => setQuery({ ...query, page: p - 1 })}
                      data-testid="leads-pages"
                    />
                  )}
                  <Footnote data-testid="leads-total">{fill(l.total, { total })}</Footnote>
                </Div>
              </>
            );
          }}
        </LoadState>
      </Group>
      {csvFailure && (
        <Snackbar onClosed={() => setCsvFailure(null)} data-testid="leads-csv-failed">
          {csvFailure}
        </Snackbar>
      )}
    </>
  );
}
