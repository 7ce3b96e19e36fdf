/** `useApp()` for the help screens: their strings added to `t`, and the support calls. Both live in these chunks only. */
import { useMemo } from 'react';
import { supportApi } from '../../api/support.ts';
import { type AppServices, useApp } from '../../app-context.ts';
import type { Messages } from '../../i18n.ts';
import { type SupportMessages, supportEn, supportRu } from '../../i18n-support.ts';

export type SupportServices = Omit<AppServices, 't'> & {
  t: Messages & SupportMessages;
  support: ReturnType<typeof supportApi>;
};

export function useSupportApp(): SupportServices {
  const app = useApp();
  return useMemo(
    () => ({
      ...app,
      t: { ...app.t, ...(app.language === 'ru' ? supportRu : supportEn) },
      support: supportApi(app.api.request),
    }),
    [app],
  );
}
