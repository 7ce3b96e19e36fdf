/**
 * `npm run bot` as a user runs it, for tests: a child in a process group of its own (so a kill -9 takes npm, tsx
 * and the bot together), configured only by environment variables, with its output kept for failure messages.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { envSchema } from '../../server/config.ts';

export interface BotProcess {
  child: ChildProcess;
  /** The last few KB of stdout and stderr. */
  output(): string;
  /** The exit code, or the signal's name. */
  exited: Promise<number | string | null>;
}

const running = new Set<ChildProcess>();

/** The test runner's environment without any variable of ours, plus `env`: what a user's shell would pass. */
export function userEnvironment(env: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(envSchema.shape)) delete base[key];
  return { ...base, ...env };
}

/** Starts `npm run bot [-- args]` with the given environment variables. */
export function npmRunBot(env: Record<string, string>, args: string[] = []): BotProcess {
  const child = spawn('npm', ['run', 'bot', ...(args.length ? ['--', ...args] : [])], {
    cwd: process.cwd(),
    env: userEnvironment(env),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  const keep = (d: Buffer) => {
    out = (out + String(d)).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | string | null>((resolve) =>
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolve(signal ?? code);
    }),
  );
  return { child, output: () => out, exited };
}

/** Sends a signal to the whole process group of a bot started here. */
export function signalGroup(bot: BotProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-(bot.child.pid as number), signal);
  } catch {
    // already gone
  }
}

/** Kills (SIGKILL) every bot process group this module started that is still running; for `afterEach`. */
export function killStartedBots(): void {
  for (const child of running) {
    try {
      process.kill(-(child.pid as number), 'SIGKILL');
    } catch {
      // already gone
    }
  }
  running.clear();
}

/** Resolves with the exit, or with `'timeout'` after `ms` (the process is then killed). */
export async function exitWithin(bot: BotProcess, ms: number): Promise<number | string | null> {
  let timer: NodeJS.Timeout | undefined;
  const result = await Promise.race([
    bot.exited,
    new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), ms);
    }),
  ]);
  clearTimeout(timer);
  if (result === 'timeout') signalGroup(bot, 'SIGKILL');
  return result;
}
