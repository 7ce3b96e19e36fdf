/**
 * @module VK's rules for the iOS ODR archive (dev.vk.com games/direct-games/on-demand-resources/prepare):
 * at most 1000 files and folders, at most 40 MB unpacked and 20 MB packed.
 */
import { type BuildFile, formatBytes, listFolders } from '../files.ts';
import { type CheckResult, fail, pass } from './check.ts';

const MB = 1024 * 1024;
export const ODR_LIMITS = { entries: 1000, unpackedBytes: 40 * MB, packedBytes: 20 * MB };

const largest = (files: BuildFile[]) =>
  [...files]
    .sort((a, b) => b.size - a.size)
    .slice(0, 3)
    .filter((f) => f.size > 0);

export function odrEntryCount(files: BuildFile[]): CheckResult {
  const entries = files.length + listFolders(files).length;
  return entries <= ODR_LIMITS.entries
    ? pass('odr-file-count', `${entries} files and folders (limit ${ODR_LIMITS.entries})`)
    : fail('odr-file-count', `${entries} files and folders > ${ODR_LIMITS.entries}`);
}

export function odrUnpackedSize(files: BuildFile[]): CheckResult {
  const total = files.reduce((s, f) => s + f.size, 0);
  if (total <= ODR_LIMITS.unpackedBytes)
    return pass('odr-unpacked-size', `${formatBytes(total)} unpacked (limit 40 MB)`);
  const big = largest(files);
  return fail(
    'odr-unpacked-size',
    `${formatBytes(total)} unpacked > 40 MB; largest: ${big.map((f) => `${f.path} ${formatBytes(f.size)}`).join(', ')}`,
    big.map((f) => f.path),
  );
}

export function odrPackedSize(files: BuildFile[], packedBytes: number): CheckResult {
  if (packedBytes <= ODR_LIMITS.packedBytes)
    return pass('odr-packed-size', `${formatBytes(packedBytes)} packed (limit 20 MB)`);
  const big = largest(files);
  return fail(
    'odr-packed-size',
    `${formatBytes(packedBytes)} packed > 20 MB; largest: ${big.map((f) => `${f.path} ${formatBytes(f.size)}`).join(', ')}`,
    big.map((f) => f.path),
  );
}

/** The single-file build: only index.html (VK's advice for TypeScript front ends); anything else is named. */
export function odrSingleFile(files: BuildFile[]): CheckResult {
  const others = files.filter((f) => f.path !== 'index.html');
  return others.length === 0
    ? pass('odr-single-file', 'index.html carries every script, style and image')
    : fail(
        'odr-single-file',
        `files besides index.html: ${others.map((f) => f.path).join(', ')}`,
        others.map((f) => f.path),
      );
}
