/// <reference types="vite/client" />
interface ImportMetaEnv {
  /** Where the API lives; empty means the same origin as the page. */
  readonly VITE_API_BASE_URL?: string;
}

declare module '#platform' {
  export const createPlatform: () => import('./platform/types.ts').PlatformAdapter;
}
