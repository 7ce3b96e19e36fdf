/**
 * @module The tests' fake VK ID on 127.0.0.1: the protocol of server/auth/vk-id/vk-id-stand-in.ts (VK ID's documented
 * shapes: `/authorize`, `/oauth2/auth`, `/oauth2/user_info`), where `/authorize` signs in `fake.user` at once and
 * every code exchange is recorded for the test to read.
 */
import { startVkIdStandIn, type VkIdExchange, type VkIdUser } from '../../server/auth/vk-id/vk-id-stand-in.ts';

export type FakeVkIdUser = VkIdUser;

export interface FakeVkId {
  /** Base URL, e.g. `http://127.0.0.1:41234` (what `VK_ID_BASE_URL` is set to). */
  url: string;
  /** Who the next `/authorize` logs in as. */
  user: FakeVkIdUser;
  /** Every code exchange attempt, in order, with its outcome. */
  exchanges: VkIdExchange[];
  close(): Promise<void>;
}

export async function startFakeVkId(options: { clientId: string; user?: FakeVkIdUser }): Promise<FakeVkId> {
  const exchanges: VkIdExchange[] = [];
  let user: FakeVkIdUser = options.user ?? { userId: 100001, firstName: 'Иван', lastName: 'Петров' };
  const running = await startVkIdStandIn({
    clientId: options.clientId,
    signIn: () => user,
    onExchange: (e) => exchanges.push(e),
  });
  return {
    url: running.url,
    get user() {
      return user;
    },
    set user(next) {
      user = next;
    },
    exchanges,
    close: running.close,
  };
}
