/**
 * @module `npm run package -- <variant...> [--app <client.json>] [--version <v>] [--out <dir>] [--no-browser]`
 * Variants: vk, vk-ios, ok, telegram, web, all. Progress step by step on stderr; exits 1 with the failed checks
 * (offending files named) when any check fails, 2 on bad arguments or configuration.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startModerationSession } from './browser/session.ts';
import { describeFailure } from './checks/check.ts';
import { ClientConfigError, loadClientConfig } from './client-config.ts';
import { packageVariant } from './pipeline.ts';
import type { PackageReport } from './report.ts';
import { parseVariants } from './variants.ts';

const repoRoot = resolve(import.meta.dirname, '../..');
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<number> {
  let args: ReturnType<typeof parse>;
  let variants: ReturnType<typeof parseVariants>;
  try {
    args = parse();
    variants = parseVariants(args.positionals);
  } catch (err) {
    log(
      `${(err as Error).message}\nusage: npm run package -- <vk|vk-ios|ok|telegram|web|all...> [--app file] [--version v] [--out dir] [--no-browser]`,
    );
    return 2;
  }
  const configFile = resolve(args.values.app ?? resolve(repoRoot, 'scripts/package/clients/demo.json'));
  let client: ReturnType<typeof loadClientConfig>;
  try {
    client = loadClientConfig(configFile);
  } catch (err) {
    if (err instanceof ClientConfigError) {
      log(err.message);
      return 2;
    }
    throw err;
  }
  const version =
    args.values.version ??
    (JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
  const outDir = resolve(args.values.out ?? resolve(repoRoot, 'archive'));
  log(`packaging ${client.name} (${client.id}) ${version}: ${variants.join(', ')} → ${outDir}`);

  const session = args.values['no-browser'] ? undefined : await startModerationSession(client);
  const reports: PackageReport[] = [];
  try {
    for (const variant of variants) {
      reports.push(await packageVariant(variant, { repoRoot, client, version, outDir, session, log, configFile }));
    }
  } finally {
    await session?.close();
  }
  const failures = reports.flatMap((r) => r.checks.filter((c) => !c.ok).map((c) => describeFailure(r.variant, c)));
  for (const r of reports) console.log(`${r.ok ? 'ok    ' : 'FAILED'} ${resolve(outDir, r.archive)} ${r.sha256}`);
  if (failures.length > 0) {
    log(`\n${failures.length} check(s) failed:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
    return 1;
  }
  return 0;
}

function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      app: { type: 'string' },
      version: { type: 'string' },
      out: { type: 'string' },
      'no-browser': { type: 'boolean' },
    },
  });
}

main().then(
  (code) => process.exit(code),
  (err) => {
    log(`package failed: ${(err as Error).stack ?? err}`);
    process.exit(1);
  },
);
