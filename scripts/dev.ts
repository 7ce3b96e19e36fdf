/**
 * `npm run dev`: the API with reload (tsx watch) on `PORT` (8080) and the Vite dev server on `VITE_PORT` (5173)
 * proxying /api to that same port. The printed launch URLs point at Vite, so edits to the mini app show up at once.
 */
import { spawn } from 'node:child_process';

const apiPort = process.env.PORT || '8080';
const vitePort = process.env.VITE_PORT || '5173';
if (apiPort === vitePort) {
  console.error(`PORT and VITE_PORT are both ${apiPort}: the API and Vite need a port each`);
  process.exit(1);
}
const viteUrl = `http://localhost:${vitePort}`;
console.log(`API on http://localhost:${apiPort}, mini app (Vite, proxying /api there) on ${viteUrl}`);

const children = [
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'scripts/start.ts'], {
    stdio: 'inherit',
    env: { ...process.env, PORT: apiPort, PUBLIC_URL: process.env.PUBLIC_URL ?? viteUrl },
  }),
  spawn('npx', ['vite', '--mode', 'development', '--port', vitePort, '--strictPort'], {
    stdio: 'inherit',
    // Read by vite.config.ts: where the dev server proxies /api and /vk.
    env: { ...process.env, PROMO_DEV_API_URL: `http://localhost:${apiPort}` },
  }),
];

const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', (code) => code && stop());
