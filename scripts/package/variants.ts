/** @module The four deliverables and what sets each apart. */
export const VARIANTS = ['vk', 'vk-ios', 'ok', 'telegram'] as const;
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
}

const MB = 1024 * 1024;

export const VARIANT_FACTS: Record<VariantName, VariantFacts> = {
  vk: { vkBridge: true, odr: false, maxFileBytes: 2 * MB, precompressed: false },
  'vk-ios': { vkBridge: true, odr: true, maxFileBytes: 20 * MB, precompressed: false },
  ok: { vkBridge: false, odr: false, maxFileBytes: 2 * MB, precompressed: true },
  telegram: { vkBridge: false, odr: false, maxFileBytes: 2 * MB, precompressed: true },
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
