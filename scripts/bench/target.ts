/** Starts a benchmark target server in its own process and stops it afterwards. */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface Target {
  url: string;
  stop(): Promise<void>;
}

const entry = fileURLToPath(new URL('./target-server.ts', import.meta.url));

export async function startTarget(kind: 'bare' | 'app', secret = 'bench-secret'): Promise<Target> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', entry, kind, secret], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
      const m = out.match(/PORT (\d+)/);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`${kind} target exited ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
