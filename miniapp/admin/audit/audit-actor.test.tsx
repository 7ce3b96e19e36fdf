/**
 * Who did it, in an audit entry, as every office screen names a person (person-who.ts): the platform's name in the
 * office's language and the id as that platform writes it. It read `VK id7301` / `OK 5550001` in English words on a
 * Russian screen, from a platform list of its own.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { auditEn, auditRu } from '../i18n-audit.ts';
import { AuditEntryCell } from './AuditEntryCell.tsx';
import type { AuditEntry } from './audit-api.ts';

const entry = (platform: string, userId: string): AuditEntry => ({
  id: 1,
  brandId: 3,
  brandName: 'Brand',
  agencyId: 1,
  agencyName: 'Agency',
  actor: { platform, userId, profileUrl: null },
  section: 'campaigns',
  action: 'campaign.publish',
  entity: 'campaign',
  entityId: '5',
  before: null,
  after: null,
  at: 0,
});

const cell = (language: 'ru' | 'en', e: AuditEntry) =>
  renderToStaticMarkup(
    <AuditEntryCell
      s={language === 'ru' ? auditRu : auditEn}
      language={language}
      entry={e}
      words={() => undefined}
      time={() => '1 Dec'}
    />,
  );

describe('the audit entry’s actor', () => {
  it('is named by the platform in the office’s language (ru, en), on a line of its own', () => {
    // The person's own « · » must not run on into the time (decision 109): the time starts the next line.
    const actor = (markup: string) => markup.match(/data-testid="audit-actor-1">([^<]*)</)?.[1];
    expect(actor(cell('ru', entry('ok', '5550001')))).toBe('Одноклассники · 5550001');
    expect(actor(cell('ru', entry('vk', '7301')))).toBe('ВКонтакте · id7301');
    expect(actor(cell('en', entry('ok', '5550001')))).toBe('OK · 5550001');
    expect(actor(cell('en', entry('telegram', '42')))).toBe('Telegram · 42');
    expect(cell('ru', entry('vk', '7301'))).toContain('>1 Dec · ');
  });
});
