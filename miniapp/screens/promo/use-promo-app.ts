/**
 * `useApp()` for the promo screens, with their strings added to `t`. The promo strings live in the promo screens'
 * chunks, not in the first screen's download.
 */
import { useMemo } from 'react';
import { type AppServices, useApp } from '../../app-context.ts';
import type { Messages } from '../../i18n.ts';
import { type PromoMessages, promoEn, promoRu } from '../../i18n-promo.ts';

export type PromoServices = Omit<AppServices, 't'> & { t: Messages & PromoMessages };

export function usePromoApp(): PromoServices {
  const app = useApp();
  return useMemo(() => ({ ...app, t: { ...app.t, ...(app.language === 'ru' ? promoRu : promoEn) } }), [app]);
}
