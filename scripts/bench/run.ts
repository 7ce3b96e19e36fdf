/**
 * `npm run bench [-- name-filter]`: runs every scripts/bench/*.bench.ts, prints one JSON line per result and
 * writes the same to docs/benchmarks.md. With a filter, only the results it produced are replaced there (the
 * others keep their last full run). The whole file is the run's: prose about runs lives in docs/benchmarks-history.md,
 * which no run touches (it used to sit in this file and each run erased it). Exits non-zero only when a benchmark crashes; a missed goal shows as
 * `"pass": false` (speed is judged by ratios, on a noisy 2-core machine).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult } from './types.ts';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !filter || f.includes(filter))
  .sort();

const results: BenchResult[] = [];
let crashed = false;
for (const file of files) {
  const name = basename(file, '.bench.ts');
  process.stderr.write(`bench ${name}…\n`);
  try {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: () => Promise<BenchResult[]> };
    for (const r of await mod.default()) {
      results.push(r);
      console.log(JSON.stringify(r));
    }
  } catch (err) {
    crashed = true;
    console.error(`bench ${name} failed:`, err);
  }
}

const docPath = join(here, '../../docs/benchmarks.md');
/** The results of the last run written to the doc, to keep beside a filtered run's. */
function previousResults(): BenchResult[] {
  if (!existsSync(docPath)) return [];
  const raw = readFileSync(docPath, 'utf8').split('## Raw results')[1] ?? '';
  return raw
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as BenchResult);
}
const fresh = new Set(results.map((r) => r.name));
const written = filter ? [...previousResults().filter((r) => !fresh.has(r.name)), ...results] : results;

const table = written
  .map(
    (r) => `| ${r.name} | ${r.value} ${r.unit} | ${r.baseline} | ${r.ratio} | ${r.goal} | ${r.pass ? 'yes' : 'NO'} |`,
  )
  .join('\n');
const doc = `# Benchmarks

Written by \`npm run bench${filter ? ` -- ${filter}` : ''}\` on ${new Date().toISOString()} (${process.platform}, Node ${process.version})${filter ? '; the other rows are from the last full run' : ''}.
Each value is measured against a baseline taken in the same run; the ratio is what the goal judges. This file is
rewritten by every run; notes on the machines and on earlier runs are kept by hand in [benchmarks-history.md](benchmarks-history.md).

| name | value | baseline | ratio | goal | pass |
|---|---|---|---|---|---|
${table}

## Raw results (one JSON line each)

\`\`\`
${written.map((r) => JSON.stringify(r)).join('\n')}
\`\`\`
`;
if (results.length > 0) writeFileSync(docPath, doc);
process.exit(crashed ? 1 : 0);
