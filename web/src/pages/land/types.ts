import type { ApiAnswer, ApiQuery, Item } from '../../app/api-types.ts';

/** The shapes of the land and export API, read from the generated API types. */

/** 代码表: one domain (land_class 地类, origin 起源 …) and its codes. */
export type CodeDomain = Item<ApiAnswer<'/api/code-tables'>>;

/** One code of a code table, with the flags the computations read (forest_land, forest, natural …). */
export type CodeEntry = Item<CodeDomain['entries']>;

export type CodeTablesUploaded = ApiAnswer<'/api/code-tables', 'put'>;

/** A line the server refused in an uploaded code-table file (the `details.errors` of code_table_invalid). */
export interface CodeTableLineError {
  line: number;
  message: string;
}

/** 小班 */
export type SubCompartment = Item<ApiAnswer<'/api/sub-compartments'>['items']>;
export type SubCompartmentDetail = ApiAnswer<'/api/sub-compartments/{id}'>;

/** A coded value with its name from the code tables; `name` is null when the code is not in the table. */
export type Coded = SubCompartment['landClass'];

export type ExportLayerInfo = Item<ApiAnswer<'/api/exports'>>;
export type ExportLayerId = ExportLayerInfo['id'];
type ExportQuery = ApiQuery<'/api/exports/{layer}'>;
export type ExportFormat = ExportQuery['format'];
/** The filters an export takes: its query parameters besides the format. */
export type ExportFilterName = Exclude<keyof ExportQuery, 'format'>;
const EXPORT_FILTERS: readonly string[] = ['regionCode', 'planId', 'kind', 'landClass', 'dominantSpecies', 'layerId'] satisfies ExportFilterName[];
/** A layer's filters as the catalogue lists them (plain names there), known to this page. */
export const filtersOf = (layer: ExportLayerInfo): ExportFilterName[] => layer.filters.filter((name): name is ExportFilterName => EXPORT_FILTERS.includes(name));

export type ReferenceLayer = Item<ApiAnswer<'/api/reference-layers'>>;

export type PlanOption = Item<ApiAnswer<'/api/grid-plans'>>;
