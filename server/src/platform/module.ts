import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { FileStore } from './files/store.ts';

/** What every domain module's routes plugin is given by app.ts. */
export interface ModuleDeps {
  config: Config;
  database: Database;
  files: FileStore;
}
