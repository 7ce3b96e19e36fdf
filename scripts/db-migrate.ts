/** @module `npm run db:migrate`: applies committed migrations to DATABASE_PATH and exits. */
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';

const config = loadConfig();
openDatabase(config.DATABASE_PATH).$client.close();
console.log(`Migrations applied to ${config.DATABASE_PATH}`);
