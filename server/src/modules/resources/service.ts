import { sql } from 'kysely';
import type { Tx } from '../../db/scoped.ts';
import type { Context } from '../../platform/context.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { regionFigures, responsibilityAreaFigures, type Figures } from './figures.ts';

/**
 * 资源清单 of a region or a chief's responsibility area. Figures are cached in `resource_lists`
 * with the versions of the layers they were computed from; a read that finds any of those layers
 * changed since (an import, an edit, new code-table flags) recomputes first, so "recomputed after
 * an import" needs no hook into the importer.
 */

/** Layers whose changes can change a resource list, by subject kind. */
const DEPENDS_ON = {
  region: ['sub_compartments', 'code_tables', 'regions'],
  responsibility_area: ['sub_compartments', 'code_tables', 'responsibility_areas'],
} as const;

export interface Subject {
  kind: 'region' | 'responsibility_area';
  key: string;
  regionCode: string;
  regionName: string;
  name: string;
  /** For a responsibility area: its chief. */
  chief: string | null;
  compute(tx: Tx): Promise<Figures>;
}

export interface ResourceList extends Figures {
  subject: { kind: Subject['kind']; key: string; name: string; regionCode: string; regionName: string; chief: string | null };
  computedAt: string;
  versions: Record<string, number>;
}

async function currentVersions(tx: Tx, layers: readonly string[]): Promise<Record<string, number>> {
  const { rows } = await sql<{ layer: string; version: number }>`
    select layer, version from layer_versions where layer in (${sql.join([...layers])})`.execute(tx);
  const found = new Map(rows.map((r) => [r.layer, Number(r.version)]));
  return Object.fromEntries(layers.map((l) => [l, found.get(l) ?? 0]));
}

const sameVersions = (a: Record<string, number>, b: Record<string, number>) =>
  Object.keys(b).length === Object.keys(a).length && Object.entries(b).every(([layer, v]) => a[layer] === v);

async function regionSubject(tx: Tx, code: string): Promise<Subject> {
  const region = await tx.selectFrom('regions').select(['code', 'name']).where('code', '=', code).executeTakeFirst();
  if (!region) throw notFound('区划', code);
  return { kind: 'region', key: `region:${code}`, regionCode: code, regionName: region.name, name: region.name, chief: null, compute: (t) => regionFigures(t, code) };
}

async function areaSubject(tx: Tx, id: number): Promise<Subject> {
  const { rows } = await sql<{ id: number; name: string; region_code: string; region_name: string; area_ha: number; chief: string }>`
    select a.id, a.name, a.region_code, r.name as region_name, a.area_ha,
           pe.name || coalesce('（' || po.title || '）', '') as chief
      from responsibility_areas a join regions r on r.code = a.region_code
      join posts po on po.id = a.post_id join persons pe on pe.id = po.person_id
     where a.id = ${id}`.execute(tx);
  const row = rows[0];
  if (!row) throw notFound('责任区域', id);
  return {
    kind: 'responsibility_area',
    key: `responsibility_area:${id}`,
    regionCode: row.region_code,
    regionName: row.region_name,
    name: row.name,
    chief: row.chief,
    compute: (t) => responsibilityAreaFigures(t, id, row.region_code, Number(row.area_ha)),
  };
}

async function resolve(tx: Tx, kind: Subject['kind'], id: string): Promise<Subject> {
  return kind === 'region' ? regionSubject(tx, id) : areaSubject(tx, Number(id));
}

/** Returns the cached list when no layer it depends on changed; otherwise (or when forced) computes and caches it. */
export async function resourceList(ctx: Context, kind: Subject['kind'], id: string, force = false): Promise<ResourceList> {
  return ctx.run(async (tx) => {
    const subject = await resolve(tx, kind, id);
    const versions = await currentVersions(tx, DEPENDS_ON[subject.kind]);
    const cached = await tx.selectFrom('resource_lists').select(['versions', 'figures', 'computed_at']).where('subject', '=', subject.key).executeTakeFirst();
    const describe = { kind: subject.kind, key: subject.key, name: subject.name, regionCode: subject.regionCode, regionName: subject.regionName, chief: subject.chief };
    if (!force && cached && sameVersions(cached.versions, versions)) {
      return { subject: describe, ...(cached.figures as unknown as Figures), computedAt: new Date(cached.computed_at).toISOString(), versions };
    }
    const figures = await subject.compute(tx);
    const { rows } = await sql<{ computed_at: Date }>`
      insert into resource_lists (subject, region_code, versions, figures, computed_at)
      values (${subject.key}, ${subject.regionCode}, ${JSON.stringify(versions)}::jsonb, ${JSON.stringify(figures)}::jsonb, now())
      on conflict (subject) do update set region_code = excluded.region_code, versions = excluded.versions, figures = excluded.figures, computed_at = excluded.computed_at
      returning computed_at`.execute(tx);
    return { subject: describe, ...figures, computedAt: new Date(rows[0]!.computed_at).toISOString(), versions };
  });
}
