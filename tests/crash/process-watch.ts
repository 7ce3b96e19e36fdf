/** Helpers for tests that run bot processes: waiting for a condition, a pid's process group, VK's per-second count. */
import { readFileSync } from 'node:fs';

/** Polls `check` every 10 ms until it holds; throws with `output()` (the processes' logs) after `timeoutMs`. */
export async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
  output: () => string,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}\n${output()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The process group of a live pid (from /proc/<pid>/stat), or undefined when it is gone. */
export function processGroupOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "(comm)": state ppid pgrp …
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
  } catch {
    return undefined;
  }
}

/** The most requests that arrived within any sliding second (VK's window: `at > now − 1000`). */
export function maxInAnySecond(times: number[]): number {
  const at = [...times].sort((a, b) => a - b);
  let most = 0;
  let first = 0;
  for (let i = 0; i < at.length; i += 1) {
    while ((at[i] as number) - (at[first] as number) >= 1000) first += 1;
    most = Math.max(most, i - first + 1);
  }
  return most;
}
