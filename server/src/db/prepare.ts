import type { Config } from '../config.ts';
import { seedDemo } from '../demo/seed.ts';
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
  const database = await openDatabase(config, options);
  const migrated = await migrate(database.owner);
  if (migrated.length > 0) log(`applied ${migrated.length} migration(s): ${migrated.join(', ')}`);
  await database.enterAppRole();
  let seeded = false;
  if (config.demo.seed) {
    const ctx = systemContext(database.app);
    const empty = await ctx.run(async (tx) => (await tx.selectFrom('regions').select('code').limit(1).execute()).length === 0);
    if (empty) {
      log('empty database: generating the demo county (章贡区)…');
      await seedDemo(ctx, { password: config.demo.password });
      seeded = true;
    }
  }
  return { database, migrated, seeded };
}
