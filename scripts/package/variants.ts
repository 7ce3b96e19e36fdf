/** @module The five deliverables and what sets each apart. */
export const VARIANTS = ['vk', 'vk-ios', 'ok', 'telegram', 'web'] as const;
export type VariantName = (typeof VARIANTS)[number];

export interface VariantFacts {
  /** Opened inside a VK client: VKWebAppInit is expected. */
  vkBridge: boolean;
  /** VK's ODR rules apply (iOS moderation archive). */
  odr: boolean;
  /** Largest single file allowed (the ODR archive is one inlined index.html). */
  maxFileBytes: number;
  /**
   * Ships `.br`/`.gz` copies beside its files: only the self-hosted variants, whose server picks them by
   * `Accept-Encoding` (server/static/). VK hosting compresses on its own and counts files; the iOS archive is one file.
   */
  precompressed: boolean;
  /**
   * Hosts this variant only links to (navigation, never a resource), allowed in `no-external-resources` beside the
   * global list in checks/external-urls.ts; a resource-shaped URL on them still fails.
   */
  linkHosts?: Readonly<Record<string, string>>;
}

const MB = 1024 * 1024;

export const VARIANT_FACTS: Record<VariantName, VariantFacts> = {
  vk: { vkBridge: true, odr: false, maxFileBytes: 2 * MB, precompressed: false },
  'vk-ios': { vkBridge: true, odr: true, maxFileBytes: 20 * MB, precompressed: false },
  ok: { vkBridge: false, odr: false, maxFileBytes: 2 * MB, precompressed: true },
  telegram: { vkBridge: false, odr: false, maxFileBytes: 2 * MB, precompressed: true },
  // The web entry (VK ID login, decision 030) is served by the API itself at `/web/`: its session cookie is
  // same-origin, so it is self-hosted and its server picks the compressed copies.
  web: {
    vkBridge: false,
    odr: false,
    maxFileBytes: 2 * MB,
    precompressed: true,
    linkHosts: { 'vk.com': 'the "open in VK" link of tasks only the VK client can do (miniapp/platform/web.ts)' },
  },
};

export function parseVariants(names: string[]): VariantName[] {
  const wanted = names.length === 0 ? ['all'] : names;
  const out = new Set<VariantName>();
  for (const name of wanted) {
    if (name === 'all') for (const v of VARIANTS) out.add(v);
    else if ((VARIANTS as readonly string[]).includes(name)) out.add(name as VariantName);
    else throw new Error(`Unknown variant "${name}"; expected ${[...VARIANTS, 'all'].join(', ')}`);
  }
  return VARIANTS.filter((v) => out.has(v));
}
