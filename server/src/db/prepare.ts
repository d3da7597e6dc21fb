import type { Config } from '../config.ts';
import { readDefaultCodeTables } from '../modules/land/code-tables.ts';
import { countCodeEntries, replaceCodeTables } from '../modules/land/repository/code-tables.ts';
import { systemContext } from '../platform/context.ts';
import { openDatabase, type Database, type OpenOptions } from './database.ts';
import { migrate } from './migrator.ts';

export interface PreparedDatabase {
  database: Database;
  migrated: string[];
  seeded: boolean;
}

/** Opens the database, applies migrations as the owner, then hands the connection to the application role; seeds the demo county into an empty installation. */
export async function prepareDatabase(config: Config, options: OpenOptions & { log?: (message: string) => void } = {}): Promise<PreparedDatabase> {
  const log = options.log ?? (() => {});
  let mark = performance.now();
  const lap = () => {
    const seconds = ((performance.now() - mark) / 1000).toFixed(1);
    mark = performance.now();
    return `${seconds} s`;
  };
  const database = await openDatabase(config, options);
  log(`database open (${lap()})`);
  const migrated = await migrate(database.owner);
  if (migrated.length > 0) log(`applied ${migrated.length} migration(s) (${lap()})`);
  await database.enterAppRole();
  const system = systemContext(database.app);
  // Every installation needs the code tables; an empty table gets the shipped file.
  await system.run(async (tx) => {
    if ((await countCodeEntries(tx)) === 0) await replaceCodeTables(tx, await readDefaultCodeTables());
  });
  let seeded = false;
  if (config.demo.seed) {
    const empty = await system.run(async (tx) => (await tx.selectFrom('regions').select('code').limit(1).execute()).length === 0);
    if (empty) {
      log('empty database: generating the demo county (章贡区)…');
      // The generator and its geometry libraries are loaded only for a first start.
      const { seedDemo } = await import('../demo/seed.ts');
      await seedDemo(system, { password: config.demo.password, landScale: config.demo.landScale });
      log(`demo county generated (${lap()})`);
      seeded = true;
    }
  }
  // The counties the installation covers (REGIONS): loaded when missing, so a real installation
  // starts with its administrative tree. After the demo seed, which looks for an empty database.
  const present = await system.run((tx) => tx.selectFrom('regions').select('code').where('level', '=', 3).execute());
  const missing = config.regions.filter((county) => !present.some((r) => r.code === `${county}000000`));
  if (missing.length > 0) {
    const { loadRegions } = await import('../modules/regions/load.ts');
    log(`loaded ${await loadRegions(system, missing)} regions of ${missing.join(', ')} (${lap()})`);
  }
  return { database, migrated, seeded };
}
