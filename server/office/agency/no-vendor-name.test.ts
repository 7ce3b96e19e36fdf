/**
 * Item 3: no vendor name anywhere a brand can see. The vendor's name is the project's (package.json `name`,
 * `vk-promo-platform`, and the README's title); neither may appear in the API answers a brand member gets, nor in the
 * office's code: its sources and, when a production build is present (`npm run build`), its chunks.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closedAfterTest } from '../../../tests/support/world-per-test.ts';
import { type AgencyWorld, createAgencyWorld, USERS } from './agency.test-world.ts';

const root = join(import.meta.dirname, '../../..');
const packageName = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string }).name;
const readmeTitle = (/^# (.+)$/m.exec(readFileSync(join(root, 'README.md'), 'utf8'))?.[1] ?? '').trim();
/** `vk-promo-platform` and `VK promo platform`, with any separator and case. */
const vendor = new RegExp([packageName, readmeTitle].map((n) => n.split(/[\s-]+/).join('[\\s_-]*')).join('|'), 'i');

function filesUnder(dir: string, ext: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && ext.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

let w: AgencyWorld;

describe('no vendor name for brands', () => {
  it('item 3: the answers a brand member gets name no vendor', async () => {
    expect(vendor.test('VK promo platform API')).toBe(true);
    w = closedAfterTest(await createAgencyWorld());
    await w.campaign();
    const paths = [
      '/api/admin/office',
      `/api/admin/campaigns?brandId=${w.brandId}`,
      `/api/admin/agency/brands/${w.brandId}`,
      '/api/admin/agency/brands',
      '/api/openapi.json',
    ];
    for (const path of paths) {
      const res = await w.call('GET', path, USERS.brandMember);
      expect(res.status).toBeLessThan(500);
      expect(await res.text(), path).not.toMatch(vendor);
    }
  });

  it("item 3: the office's sources and built chunks name no vendor", () => {
    const sources = [...filesUnder(join(root, 'miniapp/admin'), /\.(ts|tsx|css)$/), join(root, 'miniapp/index.html')];
    expect(sources.length).toBeGreaterThan(10);
    const built = filesUnder(join(root, 'dist'), /\.(js|css|html)$/);
    for (const file of [...sources, ...built]) expect(readFileSync(file, 'utf8'), file).not.toMatch(vendor);
  });
});
