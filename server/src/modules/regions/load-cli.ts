import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/database.ts';
import { migrate } from '../../db/migrator.ts';
import { systemContext } from '../../platform/context.ts';
import { loadRegions } from './load.ts';

/** `npm run regions:load -- 360702 360703`: loads counties' administrative trees (default: REGIONS). */
const config = loadConfig();
const counties = process.argv.slice(2).filter((a) => a !== '--');
const codes = counties.length > 0 ? counties : config.regions;
const bad = codes.filter((c) => !/^\d{6}$/.test(c));
if (bad.length > 0) {
  console.error(`County codes have 6 digits: ${bad.join(', ')}`);
  process.exit(2);
}
const database = await openDatabase(config);
await migrate(database.owner);
await database.enterAppRole();
const count = await loadRegions(systemContext(database.app), codes);
console.log(`Loaded ${count} regions for ${codes.join(', ')}`);
await database.close();
