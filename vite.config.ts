/**
 * One Vite config for every variant. The mode picks the platform adapter at build time
 * (`#platform` → miniapp/platform/<adapter>.ts), so each bundle carries only its own platform code.
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const ADAPTERS: Record<string, string> = {
  vk: 'vk.ts',
  development: 'vk.ts',
  production: 'vk.ts',
};

export default defineConfig(({ mode }) => {
  const adapter = ADAPTERS[mode];
  if (!adapter) throw new Error(`Unknown build mode "${mode}"; expected one of ${Object.keys(ADAPTERS).join(', ')}`);
  return {
    root: resolve(import.meta.dirname, 'miniapp'),
    base: './',
    plugins: [react()],
    resolve: { alias: { '#platform': resolve(import.meta.dirname, 'miniapp/platform', adapter) } },
    build: {
      outDir: resolve(import.meta.dirname, 'dist', mode),
      emptyOutDir: true,
      target: 'es2020',
      reportCompressedSize: false,
    },
    server: { proxy: { '/api': 'http://localhost:8080', '/vk': 'http://localhost:8080' } },
  };
});
