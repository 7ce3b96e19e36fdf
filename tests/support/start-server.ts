/**
 * Starts the system the way the README does (`npm start`) on a free port and a fresh database,
 * and reads the signed launch URLs it prints.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface StartedServer {
  baseUrl: string;
  participantUrl: string;
  adminUrl: string;
  /** The data directory (holds app.db and local-secrets.json, for signing extra launch URLs). */
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export async function startServerLikeReadme(
  options: { script?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<StartedServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'promo-e2e-'));
  const child: ChildProcess = spawn('npm', ['run', options.script ?? 'start'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: join(dir, 'app.db'), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  const urlAfter = (label: string) => out.match(new RegExp(`${label}:\\s*\\n\\s*(http\\S+)`))?.[1];
  while (!urlAfter('Community admin launch URL')) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${out}`);
    if (Date.now() > deadline) throw new Error(`server did not print launch URLs in time:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl: `http://localhost:${port}`,
    participantUrl: urlAfter('Participant launch URL') as string,
    adminUrl: urlAfter('Community admin launch URL') as string,
    dataDir: dir,
    output: () => out,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
    },
  };
}
