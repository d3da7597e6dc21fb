import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../db/scoped.ts';
import type { ImportTarget } from './tables.ts';

/** What the final write needs besides the staged rows. */
export interface WriteInput {
  jobId: number;
  dataset: string;
  /** LIKE prefix of the area the import replaces rows in. */
  areaPrefix: string;
  jobRegion: string;
  planId: number | null;
  post: { id: number; regionCode: string; defaultName: string } | null;
  layerName: string | null;
  layerKind: string;
  kind: string | null;
}

export interface WriteCounts {
  inserted: number;
  updated: number;
  /** Rows of the same dataset removed before the new ones went in. */
  replaced: number;
}

const count = async (tx: Tx, query: RawBuilder<{ n: number }>) => Number((await query.execute(tx)).rows[0]?.n ?? 0);
const affected = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0n);

/**
 * Writes the accepted staged rows into the target layer, inside the caller's transaction.
 * Layers with a natural key are upserted (re-importing updates, never duplicates); the others
 * replace the rows the same dataset brought before, within the area being imported.
 */
export const WRITERS: Record<ImportTarget, (tx: Tx, w: WriteInput) => Promise<WriteCounts>> = {
  async sub_compartments(tx, w) {
    const updated = await count(
      tx,
      sql<{ n: number }>`select count(*) as n from import_staging s join sub_compartments t
        on t.region_code = s.region_code and t.compartment = s.attrs ->> 'compartment' and t.number = s.attrs ->> 'number'
        where s.job_id = ${w.jobId} and s.reject_reason is null`,
    );
    const r = await sql`
      insert into sub_compartments (region_code, compartment, number, geom, land_class, forest_category, public_welfare_grade,
                                    protection_grade, origin, dominant_species, age_group, canopy_density, stock_per_ha,
                                    stock_total, ownership, survey_year, dataset, extra)
      select s.region_code, a ->> 'compartment', a ->> 'number', s.geom, a ->> 'land_class', a ->> 'forest_category',
             a ->> 'public_welfare_grade', a ->> 'protection_grade', a ->> 'origin', a ->> 'dominant_species', a ->> 'age_group',
             (a ->> 'canopy_density')::numeric, (a ->> 'stock_per_ha')::numeric, (a ->> 'stock_total')::numeric,
             a ->> 'ownership', (a ->> 'survey_year')::smallint, ${w.dataset}, coalesce(a -> 'extra', '{}'::jsonb)
        from import_staging s, lateral (select s.attrs as a) x
       where s.job_id = ${w.jobId} and s.reject_reason is null
       order by s.row_number
      on conflict on constraint sub_compartments_natural_key do update set
        geom = excluded.geom, land_class = excluded.land_class, forest_category = excluded.forest_category,
        public_welfare_grade = excluded.public_welfare_grade, protection_grade = excluded.protection_grade,
        origin = excluded.origin, dominant_species = excluded.dominant_species, age_group = excluded.age_group,
        canopy_density = excluded.canopy_density, stock_per_ha = excluded.stock_per_ha, stock_total = excluded.stock_total,
        ownership = excluded.ownership, survey_year = excluded.survey_year, dataset = excluded.dataset, extra = excluded.extra`.execute(tx);
    return { inserted: affected(r) - updated, updated, replaced: 0 };
  },

  async grids(tx, w) {
    const updated = await count(
      tx,
      sql<{ n: number }>`select count(*) as n from import_staging s join grids t on t.plan_id = ${w.planId} and t.code = s.attrs ->> 'code'
        where s.job_id = ${w.jobId} and s.reject_reason is null`,
    );
    // The ranger assigned to a grid stays: the file describes the land, not who guards it.
    const r = await sql`
      insert into grids (plan_id, region_code, code, name, geom, note)
      select ${w.planId}, s.region_code, s.attrs ->> 'code', coalesce(s.attrs ->> 'name', s.attrs ->> 'code'), s.geom, s.attrs ->> 'note'
        from import_staging s where s.job_id = ${w.jobId} and s.reject_reason is null order by s.row_number
      on conflict on constraint grids_code_uq do update set
        region_code = excluded.region_code, name = excluded.name, geom = excluded.geom, note = excluded.note`.execute(tx);
    return { inserted: affected(r) - updated, updated, replaced: 0 };
  },

  async risk_areas(tx, w) {
    const removed = await sql`delete from risk_areas where dataset = ${w.dataset} and region_code like ${`${w.areaPrefix}%`}`.execute(tx);
    const r = await sql`
      insert into risk_areas (region_code, kind, name, geom, dataset, note)
      select s.region_code, k.kind,
             left(coalesce(s.attrs ->> 'name', (select c.name from code_tables c where c.domain = 'risk_area_kind' and c.code = k.kind)), 100),
             s.geom, ${w.dataset}, s.attrs ->> 'note'
        from import_staging s, lateral (select coalesce(s.attrs ->> 'kind', ${w.kind}::text) as kind) k
       where s.job_id = ${w.jobId} and s.reject_reason is null order by s.row_number`.execute(tx);
    return { inserted: affected(r), updated: 0, replaced: affected(removed) };
  },

  async key_routes(tx, w) {
    const removed = await sql`delete from key_routes where dataset = ${w.dataset} and region_code like ${`${w.areaPrefix}%`}`.execute(tx);
    const r = await sql`
      insert into key_routes (region_code, name, geom, dataset)
      select s.region_code, left(coalesce(s.attrs ->> 'name', ${w.dataset} || ' 第 ' || s.row_number || ' 条'), 100), s.geom, ${w.dataset}
        from import_staging s where s.job_id = ${w.jobId} and s.reject_reason is null order by s.row_number`.execute(tx);
    return { inserted: affected(r), updated: 0, replaced: affected(removed) };
  },

  async responsibility_areas(tx, w) {
    const post = w.post!;
    const removed = await sql`delete from responsibility_areas where post_id = ${post.id} and dataset = ${w.dataset}`.execute(tx);
    const r = await sql`
      insert into responsibility_areas (post_id, region_code, name, geom, dataset)
      select ${post.id}, ${post.regionCode}, left(coalesce(s.attrs ->> 'name', ${post.defaultName}), 100), s.geom, ${w.dataset}
        from import_staging s where s.job_id = ${w.jobId} and s.reject_reason is null order by s.row_number`.execute(tx);
    return { inserted: affected(r), updated: 0, replaced: affected(removed) };
  },

  async reference_features(tx, w) {
    const found = await tx
      .selectFrom('reference_layers')
      .select('id')
      .where('region_code', '=', w.jobRegion)
      .where('name', '=', w.layerName!)
      .executeTakeFirst();
    const layerId =
      found?.id ??
      (
        await tx
          .insertInto('reference_layers')
          .values({ region_code: w.jobRegion, name: w.layerName!, kind: w.layerKind as 'other', description: null })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const removed = await sql`delete from reference_features where layer_id = ${layerId} and dataset = ${w.dataset}`.execute(tx);
    const r = await sql`
      insert into reference_features (layer_id, region_code, name, properties, geom, dataset)
      select ${layerId}, s.region_code, left(s.attrs ->> 'name', 100), coalesce(s.attrs -> 'properties', '{}'::jsonb), s.geom, ${w.dataset}
        from import_staging s where s.job_id = ${w.jobId} and s.reject_reason is null order by s.row_number`.execute(tx);
    return { inserted: affected(r), updated: 0, replaced: affected(removed) };
  },
};
