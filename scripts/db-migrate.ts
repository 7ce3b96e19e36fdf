/** @module `npm run db:migrate`: applies committed migrations to DATABASE_PATH and exits. */
import { loadConfig } from '../server/config.ts';
import { closeDatabase, openDatabase } from '../server/db/client.ts';

const config = loadConfig();
closeDatabase(openDatabase(config.DATABASE_PATH));
console.log(`Migrations applied to ${config.DATABASE_PATH}`);
