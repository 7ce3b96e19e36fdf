/** @module `npm run db:migrate`: applies committed migrations to the configured database (DATABASE_URL or DATABASE_PATH) and exits. */
import { loadConfigOrExit } from '../server/config.ts';
import { closeDatabase, describeDatabase, openDb } from '../server/db/open-db.ts';

const config = loadConfigOrExit();
await closeDatabase(await openDb(config));
console.log(`Migrations applied to ${describeDatabase(config)}`);
