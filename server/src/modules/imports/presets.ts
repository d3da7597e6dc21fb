import type { Context } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { readerContext, writerContext } from './access.ts';
import * as repo from './repository.ts';
import type { PresetCreate } from './schema.ts';
import { TARGETS } from './targets.ts';
import type { ImportTarget } from './tables.ts';

/**
 * 字段映射预设: a column mapping an office saved for the files it keeps receiving. Presets of a
 * region are offered to everyone below it (mapping_presets RLS), and matched to a file by how
 * many of their field names the file has.
 */

const toPreset = (p: repo.PresetRow) => ({ id: p.id, regionCode: p.region_code, target: p.target, name: p.name, mapping: p.mapping, createdAt: p.created_at.toISOString() });

export async function listPresets(caller: Context, target?: ImportTarget) {
  const rows = await readerContext(caller).run((tx) => repo.presetsFor(tx, target));
  return rows.map(toPreset);
}

export async function createPreset(caller: Context, input: PresetCreate) {
  const spec = TARGETS[input.target];
  const unknown = Object.values(input.mapping).filter((f) => !spec.fields.some((s) => s.name === f));
  if (unknown.length > 0) throw new AppError('invalid_value', { reason: `${spec.label}没有字段：${unknown.join('、')}` });
  return writerContext(caller, input.target).run(async (tx) => {
    if (!(await repo.regionExists(tx, input.regionCode))) throw notFound('区划', input.regionCode);
    return toPreset(await repo.insertPreset(tx, input));
  });
}

/** Deletes a preset of the caller's own regions; one inherited from above is visible but not theirs to delete. */
export async function deletePreset(caller: Context, id: number): Promise<void> {
  const target = await readerContext(caller).run((tx) => repo.presetTarget(tx, id));
  if (!target || !(target in TARGETS)) throw notFound('字段映射预设', id);
  await writerContext(caller, target as ImportTarget).run(async (tx) => {
    if (!(await repo.deletePreset(tx, id))) throw new AppError('out_of_scope');
  });
}
