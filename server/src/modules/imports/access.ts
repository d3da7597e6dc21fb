import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/tables.ts';
import { rootsOf, type Actor } from '../../platform/auth/actor.ts';
import { Context } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { FileStore } from '../../platform/files/store.ts';
import { isWithin, outermost } from '../regions/codes.ts';
import { IMPORT_TARGETS, TARGETS } from './targets.ts';
import type { ImportTarget } from './tables.ts';

/** What the imports module is given: the database, the file store, limits, and the job runner to wake. */
export interface ImportsDeps {
  db: Kysely<DB>;
  files: FileStore;
  config: Config;
  wake: () => void;
}

/** The signed-in user behind a request. */
export interface Caller {
  actor: Actor;
  ip: string | null;
}

/**
 * Imports need the permission of the layer they write (its declaration's): land.write for
 * sub-compartments and reference layers; grids.write for grids, risk areas and key routes;
 * people.write for chiefs' responsibility areas.
 * The routes are open to any signed-in user; each call acts within the regions where the caller
 * holds the permission its target needs.
 */
export function writerContext(deps: ImportsDeps, caller: Caller, target: ImportTarget): Context {
  const permission = TARGETS[target].permission;
  if (!caller.actor.grants.has(permission)) throw new AppError('forbidden');
  return new Context(deps.db, caller.actor, rootsOf(caller.actor, permission), caller.ip);
}

/** For reading jobs and presets: the regions where the caller may import anything at all. */
export function readerContext(deps: ImportsDeps, caller: Caller): Context {
  const roots = outermost(IMPORT_TARGETS.flatMap((t) => rootsOf(caller.actor, TARGETS[t].permission)));
  if (roots.length === 0) throw new AppError('forbidden');
  return new Context(deps.db, caller.actor, roots, caller.ip);
}

/** Whether the caller may import into `target` at `regionCode` (a job of another kind of layer is not theirs to see). */
export function mayWrite(caller: Caller, target: ImportTarget, regionCode: string): boolean {
  return rootsOf(caller.actor, TARGETS[target].permission).some((root) => isWithin(regionCode, root));
}
