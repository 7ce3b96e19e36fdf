/**
 * `npm start` as package.json spells it: build steps, then the server step (`… && tsx scripts/start.ts`). The browser
 * suite runs the build steps once (tests/browser/build-once.ts) and each file only the server step: every file used
 * to rebuild the same two bundles (~12 s a file, ~14 min of a CI run) — decision 114.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const REPO_ROOT = new URL('../..', import.meta.url).pathname;

export interface ReadmeStart {
  /** Everything before the server step, as one shell command (`npm run build && vite build --mode web …`). */
  build: string;
  /** The last step, the server itself (`tsx scripts/start.ts`). */
  serve: string;
}

export function readmeStartSteps(): ReadmeStart {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const steps = pkg.scripts.start?.split(' && ') ?? [];
  const serve = steps.pop();
  if (!serve || !/scripts\/start\.ts/.test(serve) || steps.length === 0) {
    throw new Error(`npm start is no longer "<build steps> && <server step>": ${pkg.scripts.start}`);
  }
  return { build: steps.join(' && '), serve };
}

/** The environment `npm run` gives a script: the project's own binaries first on PATH. */
export function npmScriptEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, PATH: [join(REPO_ROOT, 'node_modules', '.bin'), env.PATH].filter(Boolean).join(delimiter) };
}

/** Runs `npm start`'s build steps in the repository, as `npm start` would; throws with their output if one fails. */
export function buildLikeReadme(): void {
  const result = spawnSync('sh', ['-c', readmeStartSteps().build], {
    cwd: REPO_ROOT,
    env: npmScriptEnv(),
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`npm start's build steps failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}
