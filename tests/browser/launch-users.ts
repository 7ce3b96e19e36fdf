/**
 * Extra participants for browser tests: launch URLs signed with the running server's local secret
 * (`<data dir>/local-secrets.json`), so each flow starts as a fresh VK user.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../server/config.ts';
import { localLaunchUrl } from '../../server/local-launch.ts';
import type { StartedServer } from '../support/start-server.ts';

export function participantUrl(
  server: StartedServer,
  o: { userId: number; language: 'ru' | 'en'; platform?: string; role?: 'admin' | 'member'; signedAt?: number },
): string {
  const printed = new URL(server.participantUrl);
  const secrets = JSON.parse(readFileSync(join(server.dataDir, 'local-secrets.json'), 'utf8')) as {
    vkAppSecret: string;
  };
  const config = {
    VK_APP_ID: Number(printed.searchParams.get('vk_app_id')),
    VK_APP_SECRET: secrets.vkAppSecret,
  } as unknown as Config;
  return localLaunchUrl(config, {
    baseUrl: server.baseUrl,
    userId: o.userId,
    groupId: Number(printed.searchParams.get('vk_group_id')),
    role: o.role ?? 'member',
    now: o.signedAt ?? Date.now(),
    language: o.language,
    ...(o.platform ? { platform: o.platform } : {}),
  });
}
