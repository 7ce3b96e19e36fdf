/**
 * One audit entry: what happened in words; who, on a line of their own (as every office screen names a person,
 * person-who.ts); when (the viewer's time), the section, brand and entity; tapping it shows the fields that
 * changed, before → after (audit-diff.ts).
 */
import { Icon16ArrowRightOutline, Icon24ChevronDown, Icon24ChevronUp } from '@vkontakte/icons';
import { Div, Footnote, InfoRow, SimpleCell } from '@vkontakte/vkui';
import { useState } from 'react';
import { readPersonKey } from '../../../server/person-key.ts';
import { fill } from '../../i18n-fill.ts';
import {
  type AuditMessages,
  auditActionText,
  auditEntityText,
  auditFieldText,
  auditSectionText,
  auditStrings,
} from '../i18n-audit.ts';
import { label, teamStrings } from '../i18n-team.ts';
import { personText, platformName } from '../person-who.ts';
import type { AuditEntry } from './audit-api.ts';
import { auditDiff, isPersonValue, type ValueWords } from './audit-diff.ts';

/**
 * Values the log words for people: roles and sections by their office names, platforms by the office's names
 * (person-who.ts), a person as every office screen names one, `…At` times in the viewer's time, a manager's `all`
 * brands, a brand id by its name when the office knows it. An exclusion's `by` written before decision 109 is the
 * stored key `vk:900001`: it reads as the person too.
 */
export function auditValueWords(
  language: 'ru' | 'en',
  time: (ms: number) => string,
  brands: { id: number; name: string }[] = [],
): ValueWords {
  const s = auditStrings(language);
  const ts = teamStrings(language);
  return (field, value) => {
    if (isPersonValue(value)) return personText(value, language);
    const keyed = field === 'by' && typeof value === 'string' ? readPersonKey(value) : undefined;
    if (keyed) return personText(keyed, language);
    if (field === 'brandId' && typeof value === 'number') return brands.find((b) => b.id === value)?.name;
    if (field === 'role' && typeof value === 'string') return label(ts, 'role', value);
    if (field === 'sections' && Array.isArray(value)) {
      return value.length === 0 ? ts.noSections : value.map((x) => label(ts, 'section', String(x))).join(', ');
    }
    if (field === 'platform' && typeof value === 'string') return platformName(value, language);
    if (field === 'brands' && value === 'all') return s.allBrandsValue;
    if (/At$/.test(field) && typeof value === 'number' && value > 0) return time(value);
    return undefined;
  };
}

/** Where an entry belongs: its brand, or for an agency-level entry (no brand) the agency's name. */
export function entryPlace(e: Pick<AuditEntry, 'brandName' | 'agencyName'>): string | null {
  return e.brandName ?? e.agencyName;
}

export function AuditEntryCell(props: {
  s: AuditMessages;
  entry: AuditEntry;
  language: 'ru' | 'en';
  words: ValueWords;
  time(ms: number): string;
}) {
  const { s, entry: e } = props;
  const [open, setOpen] = useState(false);
  const changes = open ? auditDiff(e.before, e.after, props.words) : [];
  const where = [
    props.time(e.at),
    auditSectionText(s, e.section),
    entryPlace(e),
    fill(s.entity, { entity: auditEntityText(s, e.entity), id: e.entityId }),
  ].filter(Boolean);
  return (
    <div data-testid={`audit-entry-${e.id}`} data-action={e.action}>
      <SimpleCell
        multiline
        aria-expanded={open}
        after={open ? <Icon24ChevronUp /> : <Icon24ChevronDown />}
        onClick={() => setOpen((o) => !o)}
        // Who on a line of their own: the person reads «ВКонтакте · id7301» already, and « · » joined it to the time.
        subtitle={<span data-testid={`audit-actor-${e.id}`}>{personText(e.actor, props.language)}</span>}
        extraSubtitle={where.join(' · ')}
      >
        {auditActionText(s, e.action)}
      </SimpleCell>
      {open && (
        <Div data-testid={`audit-diff-${e.id}`} style={{ paddingTop: 0 }}>
          {changes.length === 0 && <Footnote>{s.noChanges}</Footnote>}
          {changes.map((c) => (
            <InfoRow
              key={c.field || 'value'}
              header={c.field ? auditFieldText(s, c.field) : auditEntityText(s, e.entity)}
              style={{ marginTop: 8 }}
            >
              <span style={{ overflowWrap: 'anywhere' }}>
                <span style={{ opacity: 0.6 }}>{c.before ?? s.wasNothing}</span>{' '}
                <Icon16ArrowRightOutline style={{ display: 'inline-block', verticalAlign: 'middle' }} />{' '}
                <span>{c.after ?? s.wasNothing}</span>
              </span>
            </InfoRow>
          ))}
        </Div>
      )}
    </div>
  );
}
