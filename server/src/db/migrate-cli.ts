import { loadConfig } from '../config.ts';
import { openDatabase } from './database.ts';
import { migrate } from './migrator.ts';

/** `npm run db:migrate`: applies pending migrations to the configured database and exits. */
const config = loadConfig();
const database = await openDatabase(config);
const applied = await migrate(database.owner);
console.log(applied.length === 0 ? 'Database is up to date.' : `Applied:\n  ${applied.join('\n  ')}`);
await database.close();
