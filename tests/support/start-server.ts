/**
 * Starts the server in a child process on a free port: the way the README does (`npm start`, which builds first,
 * reading the signed launch URLs it prints), or its entry point alone (`scripts/start.ts`, for tests that need the
 * process and not the build). In the browser suite, whose run built once (PROMO_E2E_START=built), `npm start` is its
 * server step alone on that build unless a test asks for the whole command (`rebuild`).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { npmScriptEnv, readmeStartSteps } from './readme-start.ts';

export interface StartedServer {
  baseUrl: string;
  participantUrl: string;
  adminUrl: string;
  /** The data directory (holds app.db and local-secrets.json, for signing extra launch URLs); removed by `stop`. */
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
  options: {
    script?: string;
    env?: Record<string, string>;
    timeoutMs?: number;
    /** `npm start` with its build even where the run built once (the README's command whole). */
    rebuild?: boolean;
  } = {},
): Promise<StartedServer> {
  const script = options.script ?? 'start';
  const builtOnce = script === 'start' && process.env.PROMO_E2E_START === 'built' && !options.rebuild;
  // `npm start` builds for a minute before it listens: a port found free before that may be taken by then (CI saw
  // it), so the server takes one from the system when it listens (PORT=0) and says which. `npm run dev` must know
  // the API's port before Vite starts, so it gets a free one beforehand.
  const port = script === 'dev' ? await freePort() : 0;
  const dir = mkdtempSync(join(tmpdir(), 'promo-e2e-'));
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_PATH: join(dir, 'app.db'),
    ...options.env,
  };
  const child: ChildProcess = builtOnce
    ? spawn('sh', ['-c', readmeStartSteps().serve], {
        env: npmScriptEnv(env),
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      })
    : spawn('npm', ['run', script], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
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
    baseUrl: listeningUrl(out) as string,
    participantUrl: urlAfter('Participant launch URL') as string,
    adminUrl: urlAfter('Community admin launch URL') as string,
    dataDir: dir,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        if (child.pid) process.kill(-child.pid, 'SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
      }
      // Its database and secrets (a few MB a server, dozens a run) go with it.
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * `scripts/start.ts` in a child process (no build) on a free port, resolved once it says "Server listening"; with
 * `umask`, started under that file-creation mask (through `sh`, as a shell would start it). The caller kills it.
 */
export async function startServerScript(
  env: Record<string, string>,
  options: { umask?: string } = {},
): Promise<{ child: ChildProcess; port: number; url: string }> {
  const args = ['--import', 'tsx', 'scripts/start.ts'];
  // PORT=0: the system picks the port as the server listens, so no other program can take it in between.
  const childEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'development', ...env };
  const child = options.umask
    ? spawn('sh', ['-c', `umask ${options.umask} && exec "$0" "$@"`, process.execPath, ...args], {
        env: childEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    : spawn(process.execPath, args, { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const listening = await new Promise<string>((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d;
      const url = listeningUrl(out);
      if (url) resolve(url);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
  const port = Number(new URL(listening).port);
  return { child, port, url: `http://127.0.0.1:${port}` };
}

/** The address the server printed it listens on ("Server listening on http://localhost:N"). */
function listeningUrl(output: string): string | undefined {
  return output.match(/Server listening on (http:\/\/localhost:\d+)/)?.[1];
}
