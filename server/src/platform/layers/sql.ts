import { sql, type RawBuilder } from 'kysely';
import type { LayerAttribute, LayerDeclaration } from './declaration.ts';
import { exportNames } from './registry.ts';

/**
 * The SQL the map's feature panel and the exports run over any declared layer, built from the
 * declaration's attribute expressions: one way to read a layer, whoever reads it.
 */

/** `[west, south, east, north]` of a geometry expression as JSON, or null. */
export const bboxOf = (geom: string): RawBuilder<unknown> =>
  sql.raw(`case when ${geom} is null then null else json_build_array(st_xmin(${geom}), st_ymin(${geom}), st_xmax(${geom}), st_ymax(${geom})) end`);

/** Text to match literally inside a LIKE pattern. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The name of a coded value from the code tables. */
export const codeNameSql = (domain: string, value: RawBuilder<unknown>): RawBuilder<unknown> =>
  sql`(select c.name from code_tables c where c.domain = ${domain} and c.code = ${value})`;

const expr = (a: LayerAttribute) => sql.raw(`(${a.sql})`);

/** What the feature panel reads of one feature; `props` holds the raw attributes, by attribute name. */
export interface FeatureRow {
  id: number;
  label: string;
  region_code: string | null;
  area_ha: number | null;
  bbox: [number, number, number, number] | null;
  props: Record<string, unknown>;
}

/** One feature by its id (undefined when it does not exist or lies outside the caller's scope). */
export function featureQuery(d: LayerDeclaration, id: number): RawBuilder<FeatureRow> {
  const details = d.details!;
  const names = [...details.fields, ...(details.more ?? [])];
  const pairs = names.flatMap((n) => [sql`${n}::text`, expr(d.attributes[n]!)]);
  if (details.extra) pairs.push(sql`'extra'`, sql.raw(`(${details.extra})`));
  // Chunks of 50 arguments: jsonb_build_object takes at most 100.
  const chunks: RawBuilder<unknown>[] = [];
  for (let i = 0; i < pairs.length; i += 50) chunks.push(sql`jsonb_build_object(${sql.join(pairs.slice(i, i + 50))})`);
  const props = chunks.length === 0 ? sql`'{}'::jsonb` : sql.join(chunks, sql` || `);
  return sql<FeatureRow>`
    select (${sql.raw(d.idSql)})::int8 as id, ${expr(d.attributes[details.title]!)} as label, f.${sql.ref(d.regionColumn)} as region_code,
           case when st_dimension(f.geom) = 2 then round((st_area(f.geom::geography) / 10000)::numeric, 4)::float8 end as area_ha,
           ${bboxOf('f.geom')} as bbox, ${props} as props
      from ${sql.table(d.table)} f
     where (${sql.raw(d.idSql)})::int8 = ${id}`;
}

/** A field of an exported file: the name in the file and the Excel header. */
export interface ExportField {
  name: string;
  header: string;
}

const withUnit = (a: LayerAttribute) => (a.unit ? `${a.label}（${a.unit}）` : a.label);

/** The fields an export of the layer writes, in order (a coded attribute gives its code, then its name). */
export function exportFields(d: LayerDeclaration): ExportField[] {
  return d.export!.fields.flatMap((n) => {
    const a = d.attributes[n]!;
    const [first, second] = exportNames(a);
    if (second === undefined) return [{ name: first!, header: a.exportHeader ?? withUnit(a) }];
    return [
      { name: first!, header: `${a.exportHeader ?? a.label}代码` },
      { name: second, header: a.exportHeader ?? a.label },
    ];
  });
}

/**
 * One row per feature: `lz_key` (the export key), `geometry` (GeoJSON), `gtype` (POINT,
 * MULTIPOLYGON …) and every export field, under the conditions given.
 */
export function exportRowsQuery(d: LayerDeclaration, conditions: readonly RawBuilder<unknown>[]): RawBuilder<Record<string, unknown>> {
  const columns = d.export!.fields.flatMap((n) => {
    const a = d.attributes[n]!;
    const [first, second] = exportNames(a);
    if (second === undefined) return [sql`${expr(a)} as ${sql.ref(first!)}`];
    return [sql`${expr(a)} as ${sql.ref(first!)}`, sql`${codeNameSql(a.codeDomain!, expr(a))} as ${sql.ref(second)}`];
  });
  return sql<Record<string, unknown>>`
    select ${expr(d.attributes[d.export!.key]!)} as lz_key, st_asgeojson(f.geom, 7)::json as geometry, geometrytype(f.geom) as gtype,
           ${sql.join(columns)}
      from ${sql.table(d.table)} f
     where ${conditions.length ? sql.join(conditions, sql` and `) : sql`true`}`;
}
