/** The audit screen's pure parts: the field diff (changed fields only, secrets masked), wording, identity, query. */
import { describe, expect, it } from 'vitest';
import { auditActionText, auditEn, auditFieldText, auditRu, auditSectionText } from '../i18n-audit.ts';
import { auditValueWords, entryPlace } from './AuditEntryCell.tsx';
import { dayBounds, placeOptions } from './AuditFilters.tsx';
import { auditQuery } from './audit-api.ts';
import { auditDiff, maskSecret } from './audit-diff.ts';

describe('audit screen', () => {
  it('item 1: the diff lists only the fields that changed, nested ones by dotted path', () => {
    const before = { role: 'brand_member', sections: ['mailings'], brandId: 4, settings: { wheel: { spins: 3 } } };
    const after = {
      role: 'brand_member',
      sections: ['mailings', 'stats'],
      brandId: 4,
      settings: { wheel: { spins: 5 } },
    };
    expect(auditDiff(before, after)).toEqual([
      { field: 'sections', before: 'mailings', after: 'mailings, stats' },
      { field: 'settings.wheel.spins', before: '3', after: '5' },
    ]);
    // Created (no before) and removed (no after): every field on one side only.
    expect(auditDiff(null, { name: 'Brand' })).toEqual([{ field: 'name', before: null, after: 'Brand' }]);
    expect(auditDiff({ userId: '7311' }, undefined)).toEqual([{ field: 'userId', before: '7311', after: null }]);
    expect(auditDiff({ a: 1 }, { a: 1 })).toEqual([]);
  });

  it('item 1: masked tokens stay masked, and a secret stored in the clear is masked on screen', () => {
    const masked = 'vk1.a.Zq9…b7e1';
    expect(auditDiff({ token: null }, { token: masked })).toEqual([{ field: 'token', before: '—', after: masked }]);
    const clear = `vk1.a.${'Zq9'.repeat(30)}b7e1`;
    const [change] = auditDiff({ vkServiceToken: 'old-secret-value-123' }, { vkServiceToken: clear });
    expect(change?.after).toBe('••••b7e1');
    expect(change?.before).toBe('••••-123');
    expect(JSON.stringify(auditDiff({}, { app: { vkSecret: clear } }))).not.toContain('Zq9');
    expect(maskSecret('short')).toBe('••••');
  });

  it('item 1: actions read as words in both languages; one this build does not know still reads', () => {
    expect(auditActionText(auditRu, 'brand.create')).toBe('Создан бренд');
    expect(auditActionText(auditEn, 'invitation.accept')).toBe('Invitation accepted');
    expect(auditActionText(auditEn, 'member.remove')).toBe('Member removed from the team');
    expect(auditActionText(auditEn, 'pool.shred')).toBe('Code pool: shred');
    expect(auditActionText(auditEn, 'toString')).toBe('toString');
    expect(auditSectionText(auditRu, 'agency')).toBe('Агентство');
    expect(Object.keys(auditEn).sort()).toEqual(Object.keys(auditRu).sort());
  });

  it('item 1: who is shown by platform identity; the query carries only the filters set', () => {
    expect(auditQuery({ brandId: 3, person: undefined, section: 'team' }, 120)).toBe(
      'brandId=3&section=team&before=120&limit=30',
    );
    const { from, to } = dayBounds(new Date(2026, 10, 2, 15), new Date(2026, 10, 3, 9));
    expect(from).toBe(new Date(2026, 10, 2).getTime());
    expect(to).toBe(new Date(2026, 10, 4).getTime() - 1);
    expect(dayBounds(null, null)).toEqual({ from: undefined, to: undefined });
  });

  it('item 1: the diff words roles, sections, platforms and times as the office does', () => {
    const words = auditValueWords('ru', (ms) => `t${ms}`);
    const removed = { platform: 'vk', userId: '7311', role: 'brand_member', sections: ['mailings'], expiresAt: 5 };
    expect(auditDiff(removed, null, words)).toEqual([
      { field: 'platform', before: 'ВКонтакте', after: null },
      { field: 'userId', before: '7311', after: null },
      { field: 'role', before: 'Участник бренда', after: null },
      { field: 'sections', before: 'Рассылки', after: null },
      { field: 'expiresAt', before: 't5', after: null },
    ]);
    const en = auditValueWords('en', String, [{ id: 2, name: 'Flow' }]);
    expect(auditDiff({ brands: 'all', brandId: 2 }, { brands: [3, 4], brandId: 9 }, en)).toEqual([
      { field: 'brands', before: 'every brand', after: '3, 4' },
      { field: 'brandId', before: 'Flow', after: '9' },
    ]);
    expect(auditFieldText(auditRu, 'sections')).toBe('Разделы');
    expect(auditFieldText(auditEn, 'settings.wheel.spins')).toBe('settings.wheel.spins');
    // A secret is masked before any wording could show it.
    expect(auditDiff({}, { token: 'abcdefghijklmnop' }, () => 'shown')).toEqual([
      { field: 'token', before: null, after: '••••mnop' },
    ]);
  });

  it('decision 109: platforms by the office’s own names, and who excluded an entry as a person, old rows too', () => {
    for (const [language, vk, ok] of [
      ['ru', 'ВКонтакте', 'Одноклассники'],
      ['en', 'VK', 'OK'],
    ] as const) {
      const words = auditValueWords(language, String);
      // A draw exclusion's participant (draw.exclude): the platform by its name.
      expect(auditDiff(null, { platform: 'ok', userId: '5550001' }, words)[0]).toEqual({
        field: 'platform',
        before: null,
        after: ok,
      });
      // draw.include: rows before decision 109 kept `by` as the stored key, newer ones as a person: one line each.
      const old = { excluded: true, reason: 'Bought', by: 'vk:900001' };
      const now = { excluded: true, reason: 'Bought', by: { platform: 'ok', userId: '5550001' } };
      expect(auditDiff(old, { excluded: false }, words).find((c) => c.field === 'by')).toEqual({
        field: 'by',
        before: `${vk} · id900001`,
        after: null,
      });
      expect(auditDiff(now, { excluded: false }, words).filter((c) => c.field.startsWith('by'))).toEqual([
        { field: 'by', before: `${ok} · 5550001`, after: null },
      ]);
      // Only a key in `by` is read as a person; a text elsewhere stays as written.
      expect(auditDiff(null, { reason: 'vk:900001' }, words)[0]?.after).toBe('vk:900001');
    }
  });

  it('item 3: an agency-level entry reads with the agency name where a brand would be; the owner can pick them alone', () => {
    expect(entryPlace({ brandName: null, agencyName: 'Ours' })).toBe('Ours');
    expect(entryPlace({ brandName: 'Flow', agencyName: 'Ours' })).toBe('Flow');
    expect(entryPlace({ brandName: null, agencyName: null })).toBeNull();
    const brands = [{ id: 2, name: 'Flow' }];
    expect(placeOptions(auditRu, brands, true)).toEqual([
      { value: '2', label: 'Flow' },
      { value: 'agency', label: 'Только агентство' },
    ]);
    expect(placeOptions(auditEn, brands, false)).toEqual([{ value: '2', label: 'Flow' }]);
    expect(auditQuery({ brandId: 'agency' })).toBe('brandId=agency&limit=30');
  });
});
