/**
 * @module `npm start`'s VK ID, so the web entry (`/web/`) can be tried with no VK ID app: the stand-in of
 * vk-id-stand-in.ts on a loopback port, whose `/authorize` shows a page to pick one of the demo users. Only where the
 * printed launch URLs are signed with a secret this server generated (never in production, never beside a supplied
 * VK ID app): there anyone at the keyboard can already open the app as those users, so the page grants nothing new,
 * and the real VK ID login is untouched everywhere else.
 */
import type { Config } from '../../config.ts';
import {
  DEMO_ADMIN_VK_ID,
  DEMO_AGENCY_OWNER_VK_ID,
  DEMO_FRIEND_VK_ID,
  DEMO_PARTICIPANT_VK_ID,
} from '../../seed/demo-ids.ts';
import { type RunningVkIdStandIn, startVkIdStandIn, type VkIdUser } from './vk-id-stand-in.ts';

/** The local stand-in's client id (any id works against it; a real VK ID app has its own). */
export const LOCAL_VK_ID_APP_ID = 51_900_001;

const DEMO_USERS: ReadonlyArray<VkIdUser & { role: string }> = [
  { userId: DEMO_PARTICIPANT_VK_ID, firstName: 'Демо', lastName: 'Участник', role: 'участник · participant' },
  { userId: DEMO_FRIEND_VK_ID, firstName: 'Демо', lastName: 'Друг', role: 'второй участник · second participant' },
  { userId: DEMO_ADMIN_VK_ID, firstName: 'Демо', lastName: 'Админ', role: 'админ сообщества · community admin' },
  {
    userId: DEMO_AGENCY_OWNER_VK_ID,
    firstName: 'Демо',
    lastName: 'Агентство',
    role: 'владелец агентства · agency owner',
  },
];

/** Whether `npm start` stands VK ID in: the same condition under which it prints signed demo launch URLs. */
export const standsInVkId = (config: Config): boolean =>
  config.NODE_ENV !== 'production' && config.generatedSecrets.vk && config.VK_ID_APP_ID === undefined;

/** The account chooser: one link per demo user, back to `/authorize` with the same query and `user=<id>`. */
function chooser(authorize: URL): Response {
  const items = DEMO_USERS.map((u) => {
    const pick = new URL(authorize);
    pick.searchParams.set('user', String(u.userId));
    // Every character of the href is from URL's serialisation; only & needs escaping inside an attribute.
    const href = pick.pathname + pick.search.replaceAll('&', '&amp;');
    return `<li><a href="${href}" data-user="${u.userId}">${u.firstName} ${u.lastName}</a> — ${u.role}, id${u.userId}</li>`;
  }).join('\n');
  const html = `<!doctype html><html lang="ru"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>VK ID (local stand-in)</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem}li{margin:.5rem 0}</style>
</head><body><h1>VK ID · локальная замена / local stand-in</h1>
<p>Войти как демо-пользователь · Sign in as a demo user:</p><ul>
${items}
</ul></body></html>`;
  return new Response(html, {
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

/** Starts the stand-in; the caller points `VK_ID_APP_ID`/`VK_ID_BASE_URL` at it and closes it on stop. */
export function startLocalVkId(): Promise<RunningVkIdStandIn> {
  return startVkIdStandIn({
    clientId: String(LOCAL_VK_ID_APP_ID),
    signIn: (_c, authorize) => {
      const picked = Number(authorize.searchParams.get('user'));
      return DEMO_USERS.find((u) => u.userId === picked) ?? chooser(authorize);
    },
  });
}
