/**
 * @module Runs the Vite build of one variant with the client's white-label settings (handed to vite.config.ts in
 * `PROMO_CLIENT_CONFIG`); the logo is read here and inlined as a data: URL.
 */
import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { build } from 'vite';
import { bundleSettings, type ClientConfig, LOGO_MIME, logoFile } from './client-config.ts';
import { VARIANT_FACTS, type VariantName } from './variants.ts';

/** The logo as a data: URL (`loadClientConfig` has already checked the path and the extension). */
function logoDataUrl(config: ClientConfig, configFile: string): string | undefined {
  if (!config.logo) return undefined;
  const file = logoFile(config, configFile);
  if (!file) return config.logo;
  const mime = LOGO_MIME[extname(file).toLowerCase()];
  if (!mime) throw new Error(`logo ${config.logo}: use .svg, .png, .jpg, .jpeg or .webp`);
  return `data:${mime};base64,${readFileSync(file).toString('base64')}`;
}

export async function buildVariant(options: {
  repoRoot: string;
  mode: string;
  outDir: string;
  config: ClientConfig;
  configFile: string;
}): Promise<void> {
  const settings = { ...bundleSettings(options.config), logoDataUrl: logoDataUrl(options.config, options.configFile) };
  const saved = {
    client: process.env.PROMO_CLIENT_CONFIG,
    out: process.env.PROMO_OUT_DIR,
    precompress: process.env.PROMO_PRECOMPRESS,
    nodeEnv: process.env.NODE_ENV,
  };
  // A package is what ships: React's production build whatever NODE_ENV the caller's shell (or a test runner, which
  // sets `test`) has; the development build would also carry links to reactjs.org and MDN in its warnings.
  process.env.NODE_ENV = 'production';
  process.env.PROMO_CLIENT_CONFIG = JSON.stringify(settings);
  process.env.PROMO_OUT_DIR = options.outDir;
  // .br/.gz copies only where the variant's host serves them (scripts/build/precompress.ts).
  process.env.PROMO_PRECOMPRESS = VARIANT_FACTS[options.mode as VariantName]?.precompressed ? '1' : '0';
  try {
    await build({ configFile: resolve(options.repoRoot, 'vite.config.ts'), mode: options.mode, logLevel: 'warn' });
  } finally {
    restore('PROMO_CLIENT_CONFIG', saved.client);
    restore('PROMO_OUT_DIR', saved.out);
    restore('PROMO_PRECOMPRESS', saved.precompress);
    restore('NODE_ENV', saved.nodeEnv);
  }
}

function restore(key: string, value: string | undefined) {
  if (value === undefined) delete process.env[key];
  else process.env[key] = value;
}
