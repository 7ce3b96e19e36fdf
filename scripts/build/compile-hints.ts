/**
 * @module Vite plugin: marks the entry chunk with V8's explicit compile hint (`//# allFunctionsCalledOnLoad`, the
 * file's first line; Chromium 136+). The entry holds only what the first screen runs (React, the VKUI components of
 * the list, the app shell: vite.config.ts's `first-screen` group), so nearly every function in it is called before
 * the first campaign is drawn. Without the hint V8 compiles each of them lazily, on the main thread, the moment it
 * is first called; with it V8 compiles them while the file streams in, off the main thread (docs/decisions/033).
 * Engines without the hint read an ordinary comment. Lazy chunks stay lazy: most of their functions are never called.
 */
import type { Plugin } from 'vite';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

export function compileHintsPlugin(): Plugin {
  return {
    name: 'promo-compile-hints',
    apply: 'build',
    // After Vite's own post-processing, which puts its preload map in front of the chunk's code: the hint counts
    // only as the file's very first line.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const file of Object.values(bundle)) {
          if (file.type !== 'chunk' || !file.isEntry) continue;
          file.code = COMPILE_HINT + file.code;
          // One more line above the code, so its source map starts one line lower: the chunk's own map (what an
          // inline map is made from) and the map file, already an asset of its own by now (Vite wrote it after adding
          // its preload map).
          if (file.map) file.map.mappings = `;${file.map.mappings}`;
          const mapFile = bundle[`${file.fileName}.map`];
          if (mapFile?.type === 'asset') {
            const map = JSON.parse(
              typeof mapFile.source === 'string' ? mapFile.source : new TextDecoder().decode(mapFile.source),
            ) as { mappings: string };
            map.mappings = `;${map.mappings}`;
            mapFile.source = JSON.stringify(map);
          }
        }
      },
    },
  };
}
