/** A VKUI theme's rules leave the CSS; rules it shares with other themes keep the other themes' selectors. */
import postcss from 'postcss';
import { describe, expect, it } from 'vitest';
import { withoutThemes } from './without-themes.ts';

const css = [
  ':root, .vkui--vkBase--light { --vkui--x: 1 }',
  '.vkui--vkCom--light { --vkui--x: 2 }',
  '.vkui--vkIOS--dark, .vkui--vkCom--dark { --vkui--y: 3 }',
  '@media (min-width: 1px) { .vkui--vkCom--light { --vkui--z: 4 } .vkui--vkIOS--light { --vkui--z: 5 } }',
  '.vkuiButton__host { color: red }',
].join('\n');

describe('issue 17: the iOS single file leaves out the vk.com theme', () => {
  it("drops the theme's own rules, and its selectors from shared ones; everything else stays", async () => {
    const out = (await postcss([withoutThemes('vkCom')]).process(css, { from: undefined })).css;
    expect(out).not.toContain('vkCom');
    expect(out).toContain(':root, .vkui--vkBase--light { --vkui--x: 1 }');
    expect(out).toContain('.vkui--vkIOS--dark { --vkui--y: 3 }');
    expect(out).toContain('.vkui--vkIOS--light { --vkui--z: 5 }');
    expect(out).toContain('.vkuiButton__host { color: red }');
    expect(out).not.toContain('--vkui--x: 2');
    expect(out).not.toContain('--vkui--z: 4');
  });
});
