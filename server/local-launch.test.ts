import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { launchInstructions } from './local-launch.ts';

const dir = mkdtempSync(join(tmpdir(), 'launch-'));
afterAll(async () => rmSync(dir, { recursive: true, force: true }));

describe('what npm start prints', () => {
  it('item 18: a participant in Russian and in English, a second participant for the invite task, the admin, the agency owner', async () => {
    const text = launchInstructions(loadConfig({ DATABASE_PATH: join(dir, 'app.db') }), 'http://localhost:8080', 0);
    const urlAfter = (label: string) => {
      const url = text.match(new RegExp(`${label}[^\\n]*:\\n\\s*(http\\S+)`))?.[1];
      return new URL(url as string).searchParams;
    };
    const participant = urlAfter('Participant launch URL');
    const english = urlAfter('The same participant with the app in English');
    const friend = urlAfter('A second participant, for the invite task');
    expect(participant.get('vk_language')).toBe('ru');
    expect(english.get('vk_language')).toBe('en');
    expect(english.get('vk_user_id')).toBe(participant.get('vk_user_id'));
    expect(friend.get('vk_user_id')).not.toBe(participant.get('vk_user_id'));
    expect(text).toMatch(/invite link/);
    expect(urlAfter('Community admin launch URL').get('vk_viewer_group_role')).toBe('admin');
    const owner = text.match(/Agency owner launch URL[^\n]*:\n\s*(http\S+)/)?.[1] as string;
    expect(new URL(owner).hash).toBe('#/admin/agency');
    expect(new URL(owner).searchParams.get('vk_user_id')).not.toBe(
      urlAfter('Community admin launch URL').get('vk_user_id'),
    );
  });
});
