import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { FileStore } from './files/store.ts';
import type { JobsService } from './jobs/service.ts';
import type { LayerRegistry } from './layers/registry.ts';
import type { TileServer } from './tiles/serve.ts';

/** What every domain module's routes plugin is given by app.ts: shared services are built once, there. */
export interface ModuleDeps {
  config: Config;
  database: Database;
  files: FileStore;
  /** Background jobs: register kinds while the plugin registers; queue jobs inside a transaction. */
  jobs: JobsService;
  /** Every spatial layer's declaration (modules/layers.ts): what maps, exports and imports read. */
  layers: LayerRegistry;
  /** Vector tiles, with their cache and the layer versions that invalidate it. */
  tiles: TileServer;
}
