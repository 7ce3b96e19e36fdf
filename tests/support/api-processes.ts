/**
 * API processes started as a user starts them (`scripts/start.ts`, what `npm start` runs after the build), on a test
 * world's database (SQLite file or PostgreSQL database), configured only by environment variables, each in a process
 * group of its own so a kill -9 takes the whole process. For the scale-out tests (tests/load, tests/crash).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { userEnvironment } from '../bot/bot-process.ts';
import type { TestWorld } from './test-deps.ts';

export interface ApiProcess {
  /** `http://127.0.0.1:<port>` */
  base: string;
  port: number;
  pid(): number | undefined;
  /** null while it runs, else its exit code or signal. */
  exitCode(): number | string | null;
  /** The last few KB of its output. */
  output(): string;
  /** SIGKILL to the whole process group; resolves once it has exited. */
  kill9(): Promise<void>;
  /** Starts it again on the same port and environment (after `kill9` or `stop`). */
  restart(): Promise<void>;
  /** SIGTERM (graceful), then SIGKILL after 5 s. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

/** The environment a world's API process needs: its database and the test launch secrets, no demo seed. */
export function worldServerEnv(w: TestWorld, extra: Record<string, string> = {}): Record<string, string> {
  const c = w.config;
  return {
    ...w.databaseEnv,
    NODE_ENV: 'development',
    SEED_DEMO: '0',
    VK_APP_ID: String(c.VK_APP_ID),
    VK_APP_SECRET: c.VK_APP_SECRET,
    OK_APP_KEY: c.OK_APP_KEY,
    OK_APP_SECRET: c.OK_APP_SECRET,
    TELEGRAM_BOT_TOKEN: c.TELEGRAM_BOT_TOKEN,
    ...extra,
  };
}

/** Starts one API process with `env` (see `worldServerEnv`) on a free port; resolves when it listens. */
export async function startApiProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<ApiProcess> {
  // The first start takes a port from the system as it listens (PORT=0; one found free beforehand could be taken in
  // between); a restart after a kill listens on the same one again, as a restarted process behind a proxy would.
  let port = 0;
  let child: ChildProcess | undefined;
  let out = '';
  const launch = async () => {
    out = '';
    const proc = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      env: userEnvironment({ ...env, PORT: String(port), HOST: '127.0.0.1' }),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child = proc;
    running.add(proc);
    proc.on('exit', () => running.delete(proc));
    const keep = (d: Buffer) => {
      out = (out + String(d)).slice(-6000);
    };
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    const deadline = Date.now() + timeoutMs;
    while (!out.includes('Server listening')) {
      if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`API process exited:\n${out}`);
      if (Date.now() > deadline) throw new Error(`API process did not listen in time:\n${out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    port = Number(out.match(/Server listening on http:\/\/localhost:(\d+)/)?.[1]);
  };
  const signal = async (sig: NodeJS.Signals, graceMs: number) => {
    const proc = child;
    if (!proc?.pid || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    try {
      process.kill(-proc.pid, sig);
    } catch {
      return;
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, graceMs))]);
    if (proc.exitCode === null && proc.signalCode === null) {
      process.kill(-proc.pid, 'SIGKILL');
      await exited;
    }
  };
  await launch();
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    pid: () => child?.pid,
    exitCode: () => child?.exitCode ?? child?.signalCode ?? null,
    output: () => out,
    kill9: () => signal('SIGKILL', 10_000),
    restart: launch,
    stop: () => signal('SIGTERM', 5_000),
  };
}

/** Starts `n` API processes on the same environment at once. */
export function startApiProcesses(n: number, env: Record<string, string>): Promise<ApiProcess[]> {
  return Promise.all(Array.from({ length: n }, () => startApiProcess(env)));
}

/** SIGKILLs every API process group started here that still runs; for `afterAll`/`afterEach`. */
export function killStartedApiProcesses(): void {
  for (const child of running) {
    try {
      process.kill(-(child.pid as number), 'SIGKILL');
    } catch {
      // already gone
    }
  }
  running.clear();
}

export interface Answered {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * One HTTP request on a connection of its own (no keep-alive). With hundreds of requests at once on a loaded machine,
 * fetch's pooled connections were reused just as the server closed them for idling ("other side closed"), which is the
 * client's race, not the server's answer; a fresh connection per request keeps the tests about the server.
 */
export function send(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<Answered>((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'POST', headers: init.headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => {
        text += d;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}
