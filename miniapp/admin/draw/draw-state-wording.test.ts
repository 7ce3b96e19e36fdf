/**
 * How an excluded entry and a replaced winner read in the office (EntrantCell, PickCell), ru and en: found from outside,
 * «Исключён: Накрутка приглашений» and «Заменён: Не вышел на связь» named a man whoever the person was and put the
 * reason typed by a member, capital and all, after a colon. Now words that fit anyone, and the reason as a clause.
 */
import { describe, expect, it } from 'vitest';
import { withReason } from '../../i18n-reason.ts';
import { drawOfficeEn, drawOfficeRu } from '../i18n-draw.ts';
import { drawEntrantsEn, drawEntrantsRu } from '../i18n-draw-entrants.ts';

describe("a draw entry's state in words", () => {
  it('an excluded entry: out of the draw, and why', () => {
    expect(withReason(drawEntrantsRu.excluded, 'Накрутка приглашений')).toBe(
      'Не участвует в розыгрыше: накрутка приглашений',
    );
    expect(withReason(drawEntrantsEn.excluded, 'Invite farming')).toBe('Excluded from the draw: invite farming');
  });

  it('a replaced winner, under «Заменены»: the reason for the replacement', () => {
    expect(withReason(drawOfficeRu.replacedBecause, 'Не вышел на связь')).toBe('Причина замены: не вышел на связь');
    expect(withReason(drawOfficeEn.replacedBecause, 'No answer for a week')).toBe(
      'Reason for the replacement: no answer for a week',
    );
    // A name the member wrote in capitals keeps them.
    expect(withReason(drawOfficeRu.replacedBecause, 'VK страница удалена')).toBe('Причина замены: VK страница удалена');
  });
});
