import type { Tx } from '../../db/scoped.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import type { PresetRow } from './present.ts';
import type { PresetCreate } from './schema.ts';
import { type Caller, type ImportsDeps, readerContext, writerContext } from './access.ts';
import { TARGETS } from './targets.ts';
import type { ImportTarget } from './tables.ts';

/**
 * 字段映射预设: a column mapping an office saved for the files it keeps receiving. Presets of a
 * region are offered to everyone below it (mapping_presets RLS), and matched to a file by how
 * many of their field names the file has.
 */

export async function presetsFor(tx: Tx, target?: string): Promise<PresetRow[]> {
  let q = tx.selectFrom('mapping_presets').selectAll().orderBy('region_code').orderBy('name');
  if (target) q = q.where('target', '=', target);
  return (await q.execute());
}

const toPreset = (p: PresetRow) => ({ id: p.id, regionCode: p.region_code, target: p.target, name: p.name, mapping: p.mapping, createdAt: p.created_at.toISOString() });

export async function listPresets(deps: ImportsDeps, caller: Caller, target?: ImportTarget) {
  const rows = await readerContext(deps, caller).run((tx) => presetsFor(tx, target));
  return rows.map(toPreset);
}

export async function createPreset(deps: ImportsDeps, caller: Caller, input: PresetCreate) {
  const spec = TARGETS[input.target];
  const unknown = Object.values(input.mapping).filter((f) => !spec.fields.some((s) => s.name === f));
  if (unknown.length > 0) throw new AppError('invalid_value', { reason: `${spec.label}没有字段：${unknown.join('、')}` });
  return writerContext(deps, caller, input.target).run(async (tx) => {
    const region = await tx.selectFrom('regions').select('code').where('code', '=', input.regionCode).executeTakeFirst();
    if (!region) throw notFound('区划', input.regionCode);
    const row = await tx
      .insertInto('mapping_presets')
      .values({ region_code: input.regionCode, target: input.target, name: input.name.trim(), mapping: JSON.stringify(input.mapping) })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toPreset(row);
  });
}

/** Deletes a preset of the caller's own regions; one inherited from above is visible but not theirs to delete. */
export async function deletePreset(deps: ImportsDeps, caller: Caller, id: number): Promise<void> {
  const preset = await readerContext(deps, caller).run((tx) => tx.selectFrom('mapping_presets').select('target').where('id', '=', id).executeTakeFirst());
  if (!preset || !(preset.target in TARGETS)) throw notFound('字段映射预设', id);
  await writerContext(deps, caller, preset.target as ImportTarget).run(async (tx) => {
    const r = await tx.deleteFrom('mapping_presets').where('id', '=', id).executeTakeFirst();
    if (r.numDeletedRows === 0n) throw new AppError('out_of_scope');
  });
}
