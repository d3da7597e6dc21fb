import type { Config } from '../config.ts';
import { openDatabase, type Database, type OpenOptions } from '../db/database.ts';
import { migrate } from '../db/migrator.ts';
import { readDefaultCodeTables } from '../modules/land/code-tables.ts';
import { countCodeEntries, replaceCodeTables } from '../modules/land/repository/code-tables.ts';
import { systemContext } from '../platform/context.ts';
import { startupSteps, type StartupSteps } from '../platform/startup.ts';

export interface PreparedDatabase {
  database: Database;
  migrated: string[];
  seeded: boolean;
}

/**
 * The start-up sequence every entry point shares (the server, tests, CLIs, benchmarks): opens the
 * database, applies migrations as the owner, then hands the connection to the application role;
 * loads the shipped code tables into an empty installation, seeds the demo county into an empty
 * database and loads the counties the configuration names. It lives outside db/ because it
 * calls on modules (land, regions, the demo), which db/ and platform/ never import.
 */
export async function prepareDatabase(config: Config, options: OpenOptions & { steps?: StartupSteps } = {}): Promise<PreparedDatabase> {
  const steps = options.steps ?? startupSteps();
  const database = await openDatabase(config, options);
  steps.lap('open', 'database open');
  const migrated = await migrate(database.owner);
  steps.lap('migrations', migrated.length > 0 ? `applied ${migrated.length} migration(s)` : 'migrations up to date');
  await database.enterAppRole();
  const system = systemContext(database.app);
  // Every installation needs the code tables; an empty table gets the shipped file.
  await system.run(async (tx) => {
    if ((await countCodeEntries(tx)) === 0) await replaceCodeTables(tx, await readDefaultCodeTables());
  });
  steps.lap('code_tables', 'code tables checked');
  let seeded = false;
  if (config.demo.seed) {
    const empty = await system.run(async (tx) => (await tx.selectFrom('regions').select('code').limit(1).execute()).length === 0);
    if (empty) {
      steps.progress('empty database: generating the demo county (章贡区)…');
      // The generator and its geometry libraries are loaded only for a first start.
      const { seedDemo } = await import('../demo/seed.ts');
      await seedDemo(system, { password: config.demo.password, landScale: config.demo.landScale, progress: (m) => steps.progress(`demo county: ${m}`) });
      steps.lap('demo', 'demo county generated');
      seeded = true;
    }
  }
  // The counties the installation covers (REGIONS): loaded when missing, so a real installation
  // starts with its administrative tree. After the demo seed, which looks for an empty database.
  const present = await system.run((tx) => tx.selectFrom('regions').select('code').where('level', '=', 3).execute());
  const missing = config.regions.filter((county) => !present.some((r) => r.code === `${county}000000`));
  if (missing.length > 0) {
    const { loadRegions } = await import('../modules/regions/load.ts');
    steps.lap('regions', `loaded ${await loadRegions(system, missing)} regions of ${missing.join(', ')}`);
  }
  return { database, migrated, seeded };
}
