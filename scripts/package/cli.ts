/**
 * @module `npm run package -- <variant...> [--app <client.json>] [--version <v>] [--out <dir>] [--no-browser]`
 * Variants: vk, vk-ios, ok, telegram, web, all. Progress step by step on stderr; exits 1 with the failed checks
 * (offending files named) when any check fails, 2 on bad arguments or configuration (before anything is built).
 */
import { resolve } from 'node:path';
import { startModerationSession } from './browser/session.ts';
import { describeFailure } from './checks/check.ts';
import { type CliArgs, parseCliArgs, UsageError } from './cli-args.ts';
import { ClientConfigError, configNotes, loadClientConfig } from './client-config.ts';
import { packageVariant } from './pipeline.ts';
import type { PackageReport } from './report.ts';

const repoRoot = resolve(import.meta.dirname, '../..');
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<number> {
  let args: CliArgs;
  let client: ReturnType<typeof loadClientConfig>;
  try {
    args = parseCliArgs(process.argv.slice(2), repoRoot);
    client = loadClientConfig(args.configFile);
  } catch (err) {
    if (err instanceof UsageError) {
      log(
        `${err.message}\nusage: npm run package -- <vk|vk-ios|ok|telegram|web|all...> [--app file] [--version v] [--out dir] [--no-browser]`,
      );
      return 2;
    }
    if (err instanceof ClientConfigError) {
      log(err.message);
      return 2;
    }
    throw err;
  }
  const { variants, version, outDir, configFile } = args;
  log(`packaging ${client.name} (${client.id}) ${version}: ${variants.join(', ')} → ${outDir}`);
  for (const note of configNotes(client, variants)) log(note);

  const session = args.browser ? await startModerationSession(client) : undefined;
  const reports: PackageReport[] = [];
  try {
    for (const variant of variants) {
      reports.push(await packageVariant(variant, { repoRoot, client, version, outDir, session, log, configFile }));
    }
  } finally {
    await session?.close();
  }
  const failures = reports.flatMap((r) => r.checks.filter((c) => !c.ok).map((c) => describeFailure(r.variant, c)));
  for (const r of reports) {
    // A failed variant has no archive (pipeline.ts): its line names the report instead.
    console.log(
      r.ok
        ? `ok     ${resolve(outDir, r.archive)} ${r.sha256}`
        : `FAILED ${r.variant}: no archive, report ${resolve(outDir, r.archive.replace(/\.zip$/, '.json'))}`,
    );
  }
  if (failures.length > 0) {
    log(`\n${failures.length} check(s) failed:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    log(`package failed: ${(err as Error).stack ?? err}`);
    process.exit(1);
  },
);
