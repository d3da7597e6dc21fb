import type { ApiAnswer, ApiBody, Item } from '../../app/api-types.ts';

/** The shapes of the import API, read from the generated API types. */

/** One layer a file can be imported into, with the fields a file column can be mapped onto. */
export type TargetInfo = Item<ApiAnswer<'/api/imports/targets'>>;

/** 导入目标: the layer a file is imported into. */
export type ImportTarget = TargetInfo['target'];
export const IMPORT_TARGETS: readonly ImportTarget[] = ['sub_compartments', 'grids', 'risk_areas', 'key_routes', 'responsibility_areas', 'reference_features'];

/** One of our fields a file column can be mapped onto. */
export type TargetField = Item<TargetInfo['fields']>;

/** A coordinate system a user may choose (GET /api/imports/projections). */
export type Projection = Item<ApiAnswer<'/api/imports/projections'>>;

/** An import job with everything the wizard shows: the inspected file, the settings, the report. */
export type ImportJob = ApiAnswer<'/api/imports/{id}'>;
export type ImportJobSummary = Item<ApiAnswer<'/api/imports'>>;

/** uploaded 待确认选项 → queued 排队 → running 导入中 → succeeded / failed / cancelled */
export type ImportStatus = ImportJob['status'];
export const FINISHED: readonly ImportStatus[] = ['succeeded', 'failed', 'cancelled'];
export const RUNNING: readonly ImportStatus[] = ['queued', 'running'];

/** A layer of the uploaded file as the server inspected it. */
export type InspectedLayer = Item<ImportJob['inspection']['layers']>;
export type FileField = Item<InspectedLayer['fields']>;
export type SampleValue = Item<FileField['samples']>;

/** What PATCH /api/imports/:id accepts; null takes a choice back. */
export type OptionsPatch = ApiBody<'/api/imports/{id}', 'patch'>;
export type TextEncoding = NonNullable<OptionsPatch['encoding']>;
export type LayerKind = NonNullable<OptionsPatch['layerKind']>;

export type ImportReport = NonNullable<ImportJob['report']>;
export type RowNote = Item<ImportReport['rejectedRows']>;

/** 字段映射预设 */
export type Preset = Item<ApiAnswer<'/api/import-presets'>>;

/** 网格方案, as far as choosing a draft to import into needs it. */
export type PlanOption = Item<ApiAnswer<'/api/grid-plans'>>;

/** 参考图层, to offer existing names. */
export type ReferenceLayerOption = Item<ApiAnswer<'/api/reference-layers'>>;

/** 代码表 */
export type CodeDomain = Item<ApiAnswer<'/api/code-tables'>>;
