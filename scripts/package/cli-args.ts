/**
 * @module The arguments of `npm run package`, parsed and checked before anything is built: variants, the client
 * configuration file, the version (it becomes part of file names), the output folder, `--no-browser`.
 * A bad argument throws `UsageError` (exit 2).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseVariants, type VariantName } from './variants.ts';

export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * A version as it may appear in `<id>-<variant>-<version>.zip`: semver characters only (no `/`, no `..` prefix,
 * not empty), at most 32 characters.
 */
export const VERSION_PATTERN = /^[0-9A-Za-z][0-9A-Za-z.+-]{0,31}$/;

export function checkVersion(version: string, from: string): string {
  if (!VERSION_PATTERN.test(version)) {
    throw new UsageError(
      `${from} ${JSON.stringify(version)} is not a valid version: 1–32 characters of letters, digits, ".", "+" and "-", starting with a letter or digit (e.g. 1.4.0, 2.0.0-rc.1)`,
    );
  }
  return version;
}

export interface CliArgs {
  variants: VariantName[];
  configFile: string;
  version: string;
  outDir: string;
  browser: boolean;
}

export function parseCliArgs(argv: string[], repoRoot: string): CliArgs {
  let parsed: ReturnType<typeof parseRaw>;
  try {
    parsed = parseRaw(argv);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  let variants: VariantName[];
  try {
    variants = parseVariants(positionals);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const version =
    values.version !== undefined
      ? checkVersion(values.version, '--version')
      : checkVersion(
          (JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')) as { version: string }).version,
          "package.json's version",
        );
  if (values.out === '') throw new UsageError('--out needs a folder');
  return {
    variants,
    configFile: resolve(values.app ?? resolve(repoRoot, 'scripts/package/clients/demo.json')),
    version,
    outDir: resolve(values.out ?? resolve(repoRoot, 'archive')),
    browser: !values['no-browser'],
  };
}

function parseRaw(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      app: { type: 'string' },
      version: { type: 'string' },
      out: { type: 'string' },
      'no-browser': { type: 'boolean' },
    },
  });
}
