import type { Context } from '../../../platform/context.ts';
import { notFound } from '../../../platform/errors/app-error.ts';
import { area, coded } from '../geojson.ts';
import * as repo from '../repository/sub-compartments.ts';
import type { SubCompartmentListQuery } from '../schema.ts';

/** 小班 list and detail, with every coded value named from the code tables. */

function toSubCompartment(r: repo.SubCompartmentRow) {
  return {
    id: r.id,
    regionCode: r.region_code,
    regionName: r.region_name,
    townshipName: r.township_name,
    compartment: r.compartment,
    number: r.number,
    area: area(r.area_ha),
    landClass: coded(r.land_class, r.land_class_name),
    forestCategory: coded(r.forest_category, r.forest_category_name),
    publicWelfareGrade: coded(r.public_welfare_grade, r.public_welfare_grade_name),
    protectionGrade: coded(r.protection_grade, r.protection_grade_name),
    origin: coded(r.origin, r.origin_name),
    dominantSpecies: coded(r.dominant_species, r.dominant_species_name),
    ageGroup: coded(r.age_group, r.age_group_name),
    canopyDensity: r.canopy_density,
    stockPerHa: r.stock_per_ha,
    stockTotal: r.stock_total,
    ownership: coded(r.ownership, r.ownership_name),
    surveyYear: r.survey_year,
    dataset: r.dataset,
  };
}

export async function listSubCompartments(ctx: Context, q: SubCompartmentListQuery) {
  const { rows, total } = await ctx.run((tx) => repo.listSubCompartments(tx, q));
  return { items: rows.map(toSubCompartment), total };
}

export async function getSubCompartment(ctx: Context, id: number) {
  const row = await ctx.run((tx) => repo.findSubCompartment(tx, id));
  if (!row) throw notFound('小班', id);
  return { ...toSubCompartment(row), extra: row.extra, updatedAt: new Date(row.updated_at).toISOString(), geometry: row.geometry };
}
