/**
 * One "API process" of the cross-process claim race (claim-processes.test.ts): opens the shared SQLite file the way
 * a server does and claims for a range of users, all at once, through the claim service. Prints one JSON line:
 * `[{ user, code } | { user, error }]`.
 * Usage: claim-worker.ts <db path> <campaign id> <vk app id> <first user> <last user> <now ms>
 */
import { closeDatabase, openDatabase } from '../../server/db/client.ts';
import { ApiError } from '../../server/http/errors.ts';
import { claimReward } from '../../server/promo/rewards/reward.service.ts';

const [dbPath = '', campaignArg = '', appId = '', firstArg = '', lastArg = '', nowArg = ''] = process.argv.slice(2);
const db = openDatabase(dbPath);
const deps = { db, now: () => Number(nowArg) };
const users = Array.from({ length: Number(lastArg) - Number(firstArg) + 1 }, (_, i) => Number(firstArg) + i);
const outcomes = await Promise.all(
  users.map(async (user) => {
    const identity = { platform: 'vk' as const, userId: String(user), appId, language: 'ru' as const };
    try {
      const claimed = await claimReward(deps, { ...identity, platformDetail: 'race' }, Number(campaignArg), 'prize');
      return { user, code: claimed.grant.code };
    } catch (err) {
      if (err instanceof ApiError) return { user, error: err.code };
      throw err;
    }
  }),
);
closeDatabase(db);
console.log(JSON.stringify(outcomes));
