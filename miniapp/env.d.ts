/// <reference types="vite/client" />
interface ImportMetaEnv {
  /** Where the API lives; empty means the same origin as the page. */
  readonly VITE_API_BASE_URL?: string;
  /** The build's id for telemetry (set by the pipeline; default: the Vite mode). */
  readonly VITE_BUILD_ID?: string;
  /** What the build leaves out ('absent'), set by vite.config.ts per variant: read through build-contents.ts. */
  readonly VITE_WEB_ENTRY?: string;
  readonly VITE_OFFICE?: string;
  readonly VITE_VKCOM_THEME?: string;
  /** The client the build runs in ('vk', 'ok', 'telegram'), set by vite.config.ts: read through build-contents.ts. */
  readonly VITE_PLATFORM?: string;
}

declare module '#platform' {
  export const createPlatform: () => import('./platform/types.ts').PlatformAdapter;
}
