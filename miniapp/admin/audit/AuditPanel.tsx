/**
 * The office audit log (`#/admin/audit`): every back-office change, newest first, with filters (brand, person,
 * section, dates) and "show more" paging. What it lists is the server's decision (server/office/audit-log.ts: an
 * agency owner every brand of the agency and the agency's own entries, shown under its name; a manager the brands
 * they cover and a brand admin their brand, each in the sections they hold); a refusal reads as "not open to you".
 */
import { Group, Header, Placeholder } from '@vkontakte/vkui';
import { useMemo, useState } from 'react';
import { personKey } from '../../../server/person-key.ts';
import { ApiRequestError } from '../../api/client.ts';
import { dateTimeFormat, type Language } from '../../intl-formats.ts';
import { useRouteNavigator } from '../../routes.ts';
import { LoadState } from '../../screens/LoadState.tsx';
import { useAsync } from '../../use-async.ts';
import { BrandedHeader, useAgencyBranding } from '../agency/AgencyBranding.tsx';
import { type AuditMessages, auditStrings } from '../i18n-audit.ts';
import type { Office } from '../office-api.ts';
import { personText } from '../person-who.ts';
import { refusalText } from '../refusal-text.ts';
import { ShowMore } from '../ShowMore.tsx';
import { useOffice } from '../use-office.ts';
import { AuditEntryCell, auditValueWords } from './AuditEntryCell.tsx';
import { AuditFilters } from './AuditFilters.tsx';
import { type AuditApi, type AuditEntry, type AuditFilter, auditApi } from './audit-api.ts';
import type { ValueWords } from './audit-diff.ts';

export function AuditPanel({ office }: { office: Office }) {
  const { api, language } = useOffice();
  const s = auditStrings(language);
  const navigator = useRouteNavigator();
  const branding = useAgencyBranding(office);
  const audit = useMemo(() => auditApi(api), [api]);
  const [filter, setFilter] = useState<AuditFilter>({});
  // People seen on any page so far, by platform and id (`ok:5550001`, what the server's filter takes): the person
  // filter offers them (the log has no separate list of actors).
  const [people, setPeople] = useState<Map<string, string>>(new Map());
  const time = useMemo(() => {
    const f = dateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    return (ms: number) => f.format(ms);
  }, [language]);
  const words = useMemo(() => auditValueWords(language, time, office.brands), [language, time, office.brands]);
  const seen = (entries: AuditEntry[]) =>
    setPeople((known) => {
      const fresh = entries.filter((e) => !known.has(personKey(e.actor)));
      if (fresh.length === 0) return known;
      const next = new Map(known);
      for (const e of fresh) next.set(personKey(e.actor), personText(e.actor, language));
      return next;
    });
  return (
    <>
      <BrandedHeader branding={branding} title={s.title} back={{ label: s.back, onClick: () => navigator.back() }} />
      {office.canSeeAudit !== true ? (
        <NoAccess s={s} />
      ) : (
        <>
          <Group header={<Header>{s.filters}</Header>}>
            <AuditFilters
              s={s}
              filter={filter}
              brands={office.brands}
              agencyOwner={office.agencies?.some((a) => a.role === 'agency_admin') === true}
              people={[...people].map(([value, label]) => ({ value, label }))}
              onChange={setFilter}
            />
          </Group>
          {/* A new filter starts a new list from page one. */}
          <AuditList
            key={JSON.stringify(filter)}
            s={s}
            language={language}
            audit={audit}
            filter={filter}
            time={time}
            words={words}
            onEntries={seen}
          />
        </>
      )}
    </>
  );
}

function NoAccess({ s }: { s: AuditMessages }) {
  return (
    <Group>
      <Placeholder data-testid="audit-no-access" title={s.noAccess}>
        {s.noAccessText}
      </Placeholder>
    </Group>
  );
}

function AuditList(props: {
  s: AuditMessages;
  language: Language;
  audit: AuditApi;
  filter: AuditFilter;
  time(ms: number): string;
  words: ValueWords;
  onEntries(entries: AuditEntry[]): void;
}) {
  const { s, audit, filter, onEntries, language } = props;
  const first = useAsync(async () => {
    const page = await audit.page(filter);
    onEntries(page.entries);
    return page;
  }, [audit]);
  const [more, setMore] = useState<{ entries: AuditEntry[]; next: number | null } | null>(null);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  if (first.status === 'error' && first.error instanceof ApiRequestError && first.error.status === 403) {
    return <NoAccess s={s} />;
  }
  const loadMore = async (before: number) => {
    setLoading(true);
    setFailed(null);
    try {
      const page = await audit.page(filter, before);
      onEntries(page.entries);
      setMore((m) => ({ entries: [...(m?.entries ?? []), ...page.entries], next: page.next }));
    } catch (e) {
      setFailed(refusalText(e, language));
    } finally {
      setLoading(false);
    }
  };
  return (
    <Group header={<Header>{s.entries}</Header>}>
      <LoadState state={first}>
        {(page) => {
          const entries = [...page.entries, ...(more?.entries ?? [])];
          const next = more ? more.next : page.next;
          if (entries.length === 0) {
            return (
              <Placeholder data-testid="audit-empty" title={s.empty}>
                {s.emptyText}
              </Placeholder>
            );
          }
          return (
            <>
              {entries.map((e) => (
                <AuditEntryCell
                  key={e.id}
                  s={s}
                  language={props.language}
                  entry={e}
                  words={props.words}
                  time={props.time}
                />
              ))}
              {next !== null && (
                <ShowMore
                  label={s.loadMore}
                  loading={loading}
                  failed={failed}
                  onClick={() => void loadMore(next)}
                  testId="audit-more"
                />
              )}
            </>
          );
        }}
      </LoadState>
    </Group>
  );
}
