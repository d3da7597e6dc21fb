import type { Area } from '../../app/numbers.tsx';

/** The shapes of the land API (server/src/modules/land/schema.ts, exports/schema.ts). */

/** One code of a code table, with the flags the computations read (forest_land, forest, natural …). */
export interface CodeEntry {
  code: string;
  name: string;
  flags: string[];
  sort: number;
}

/** 代码表: one domain (land_class 地类, origin 起源 …) and its codes. */
export interface CodeDomain {
  domain: string;
  label: string | null;
  entries: CodeEntry[];
}

export interface CodeTablesUploaded {
  domains: Array<{ domain: string; count: number }>;
}

/** A line the server refused in an uploaded code-table file. */
export interface CodeTableLineError {
  line: number;
  message: string;
}

/** A coded value with its name from the code tables; `name` is null when the code is not in the table. */
export type Coded = { code: string; name: string | null } | null;

/** 小班 */
export interface SubCompartment {
  id: number;
  regionCode: string;
  regionName: string;
  townshipName: string | null;
  compartment: string;
  number: string;
  area: Area;
  landClass: Coded;
  forestCategory: Coded;
  publicWelfareGrade: Coded;
  protectionGrade: Coded;
  origin: Coded;
  dominantSpecies: Coded;
  ageGroup: Coded;
  canopyDensity: number | null;
  stockPerHa: number | null;
  stockTotal: number | null;
  ownership: Coded;
  surveyYear: number | null;
  dataset: string;
}

export interface SubCompartmentDetail extends SubCompartment {
  extra: Record<string, unknown>;
  updatedAt: string;
  geometry: Record<string, unknown>;
}

export type ExportLayerId = 'sub_compartments' | 'grids' | 'risk_areas' | 'key_routes' | 'responsibility_areas' | 'reference_features' | 'regions';
export type ExportFilterName = 'regionCode' | 'planId' | 'kind' | 'landClass' | 'dominantSpecies' | 'layerId';
export type ExportFormat = 'geojson' | 'shapefile' | 'xlsx';

export interface ExportLayerInfo {
  id: ExportLayerId;
  title: string;
  filters: ExportFilterName[];
  fields: Array<{ name: string; header: string }>;
  formats: ExportFormat[];
}

export interface ReferenceLayer {
  id: number;
  regionCode: string;
  regionName: string;
  name: string;
  kind: string;
  featureCount: number;
}

export interface PlanOption {
  id: number;
  name: string;
  year: number;
  status: 'draft' | 'active' | 'archived';
}
