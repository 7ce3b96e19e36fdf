/**
 * The web entry's sign-in screen is a chunk of the `web` build only. The vk, ok and telegram builds emitted
 * `WebSignIn-*.js` too, though no code of theirs could load it (the import sat behind an imported constant the bundler
 * does not fold before it splits chunks: miniapp/main.tsx). The web build still emits it, so the check cannot pass by
 * looking at the wrong thing. Real Vite builds of each variant.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { buildDemo } from './support.ts';

/** The sign-in chunks a build emitted (`WebSignIn-<hash>.js`, without the precompressed copies). */
async function signInChunks(variant: 'vk' | 'ok' | 'telegram' | 'web'): Promise<string[]> {
  const dir = await buildDemo(variant);
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return readdirSync(join(dir, 'assets')).filter((f) => /^WebSignIn-[\w-]+\.js$/.test(f));
}

describe('the sign-in chunk is emitted by the web build only', () => {
  it('the web build emits it', async () => {
    expect(await signInChunks('web')).toHaveLength(1);
  });

  it.each(['vk', 'ok', 'telegram'] as const)('the %s build emits none', async (variant) => {
    expect(await signInChunks(variant)).toEqual([]);
  });
});
