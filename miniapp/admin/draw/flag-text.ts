/** An entrant's fraud flags in words, with the facts the server gave for each (who referred, named as every office screen names a person; how many; which tasks). */
import type { EntryFlag } from '../../../server/promo/draw/draw-flags.ts';
import { fill } from '../../i18n-fill.ts';
import type { DrawEntrantsMessages } from '../i18n-draw-entrants.ts';
import { personText } from '../person-who.ts';
import type { OfficeEntrant } from './draw-office-api.ts';

type Why = OfficeEntrant['why'];
type Language = 'ru' | 'en';

/** One wording per flag: a new flag on the server is a compile error here until it is worded. */
const WORDING: Record<EntryFlag, (why: Why, t: DrawEntrantsMessages, language: Language) => string> = {
  deactivated: (why, t) => {
    const state = why.deactivated?.state;
    const word = state === 'deleted' ? t.state_deleted : state === 'banned' ? t.state_banned : (state ?? '');
    return fill(t.flag_deactivated, { state: word }).replace(/\s+/g, ' ').trim();
  },
  no_photo: (_, t) => t.flag_no_photo,
  closed_profile: (_, t) => t.flag_closed_profile,
  referral_burst: (why, t, language) =>
    fill(t.flag_referral_burst, {
      entries: why.referral_burst?.entries ?? '?',
      referrer: why.referral_burst ? personText(why.referral_burst.referrer, language) : '?',
      minutes: why.referral_burst?.windowMinutes ?? '?',
    }),
  verification_failed: (why, t) =>
    fill(t.flag_verification_failed, { tasks: why.verification_failed?.tasks.join(', ') ?? '?' }),
};

/** One line per flag, in the server's order. */
export function flagTexts(
  entrant: Pick<OfficeEntrant, 'flags' | 'why'>,
  t: DrawEntrantsMessages,
  language: Language,
): string[] {
  return entrant.flags.map((flag) => WORDING[flag](entrant.why, t, language));
}
