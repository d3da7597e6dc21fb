import type { Config } from '../../config.ts';
import { rootsOf } from '../../platform/auth/actor.ts';
import type { Permission } from '../../platform/auth/permissions.ts';
import type { Context } from '../../platform/context.ts';
import type { FileStore } from '../../platform/files/store.ts';
import type { JobsService } from '../../platform/jobs/service.ts';
import { isWithin, scopePatterns } from '../../platform/scope/regions.ts';
import type { Writable } from './repository.ts';
import { IMPORT_TARGETS, TARGETS } from './targets.ts';
import type { ImportTarget } from './tables.ts';

/** What the imports module is given: the file store, limits and the jobs service that runs imports. */
export interface ImportsDeps {
  files: FileStore;
  config: Config;
  jobs: JobsService;
}

/**
 * Imports need the permission of the layer they write (its declaration's): land.write for
 * sub-compartments and reference layers; grids.write for grids, risk areas and key routes;
 * people.write for chiefs' responsibility areas.
 * The routes are open to any signed-in user; each call acts within the regions where the caller
 * holds the permission its target needs.
 */
export function writerContext(ctx: Context, target: ImportTarget): Context {
  return ctx.forPermission(TARGETS[target].permission);
}

const IMPORT_PERMISSIONS = [...new Set(IMPORT_TARGETS.map((t) => TARGETS[t].permission))];

/** For reading imports and presets: the regions where the caller may import anything at all. */
export function readerContext(ctx: Context): Context {
  return ctx.forAnyOf(IMPORT_PERMISSIONS);
}

/** Whether the caller may import into `target` at `regionCode` (an import into another kind of layer is not theirs to see). */
export function mayWrite(ctx: Context, target: ImportTarget, regionCode: string): boolean {
  return !!ctx.actor && rootsOf(ctx.actor, TARGETS[target].permission).some((root) => isWithin(regionCode, root));
}

/** The same rule for SQL: for each permission, its targets within the regions where the caller holds it. */
export function writable(ctx: Context): Writable[] {
  return IMPORT_PERMISSIONS.flatMap((permission: Permission) => {
    const roots = ctx.actor ? rootsOf(ctx.actor, permission) : [];
    return roots.length === 0 ? [] : [{ targets: IMPORT_TARGETS.filter((t) => TARGETS[t].permission === permission), patterns: scopePatterns(roots) }];
  });
}
