/** `useApp()` for the catalogue screens, with their strings and API added. */
import { useMemo } from 'react';
import { useApp } from '../../app-context.ts';
import { catalogueApi } from './catalogue-api.ts';
import { catalogueEn, catalogueRu } from './i18n-catalogue.ts';

export function useCatalogueApp() {
  const app = useApp();
  return useMemo(
    () => ({
      ...app,
      t: { ...app.t, ...(app.language === 'ru' ? catalogueRu : catalogueEn) },
      catalogue: catalogueApi(app.api),
    }),
    [app],
  );
}
