/**
 * `npm run dev`: the API with reload (tsx watch) on :8080 and the Vite dev server on :5173 proxying /api to it.
 * The printed launch URLs point at Vite, so edits to the mini app show up at once.
 */
import { spawn } from 'node:child_process';

const vitePort = 5173;
const children = [
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'server/main.ts'], {
    stdio: 'inherit',
    env: { ...process.env, PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${vitePort}` },
  }),
  spawn('npx', ['vite', '--mode', 'development', '--port', String(vitePort), '--strictPort'], { stdio: 'inherit' }),
];

const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', (code) => code && stop());
