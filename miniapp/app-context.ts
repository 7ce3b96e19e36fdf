/** What every screen needs from the shell: the platform adapter, the API client and the UI strings. */
import { createContext, useContext } from 'react';
import type { ApiClient } from './api/client.ts';
import type { Messages } from './i18n.ts';
import type { PlatformAdapter } from './platform/types.ts';
import type { Telemetry } from './telemetry.ts';

export interface AppServices {
  platform: PlatformAdapter;
  api: ApiClient;
  t: Messages;
  language: 'ru' | 'en';
  /** Session, screen and error telemetry for the brand's statistics (absent in tests that do not need it). */
  telemetry?: Telemetry;
}

export const AppContext = createContext<AppServices | null>(null);

export function useApp(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useApp outside AppContext');
  return services;
}
