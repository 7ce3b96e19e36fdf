/** Build of the VK mini-app template baseline (same Vite, React plugin and target as the app). */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: { emptyOutDir: true, target: 'es2020', reportCompressedSize: false },
});
