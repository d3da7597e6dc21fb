/** The shapes of the import API (server/src/modules/imports/schema.ts). */

/** 导入目标: the layer a file is imported into. */
export type ImportTarget = 'sub_compartments' | 'grids' | 'risk_areas' | 'key_routes' | 'responsibility_areas' | 'reference_features';
export const IMPORT_TARGETS: readonly ImportTarget[] = ['sub_compartments', 'grids', 'risk_areas', 'key_routes', 'responsibility_areas', 'reference_features'];

/** uploaded 待确认选项 → queued 排队 → running 导入中 → succeeded / failed / cancelled */
export type ImportStatus = 'uploaded' | 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export const FINISHED: readonly ImportStatus[] = ['succeeded', 'failed', 'cancelled'];
export const RUNNING: readonly ImportStatus[] = ['queued', 'running'];

export type TextEncoding = 'utf-8' | 'gbk';
export type LayerKind = 'nature_reserve' | 'forest_farm' | 'other';
export type SampleValue = string | number | boolean | null;

/** One of our fields a file column can be mapped onto. */
export interface TargetField {
  name: string;
  label: string;
  /** text / code / number / year / region */
  type: string;
  /** The code table a `code` field's values come from. */
  domain?: string;
  required: boolean;
}

export interface TargetInfo {
  target: ImportTarget;
  label: string;
  permission: string;
  /** polygon 面 / line 线 / any 点线面 */
  shape: 'polygon' | 'line' | 'any';
  naturalKey: string[];
  options: string[];
  fields: TargetField[];
}

/** A coordinate system a user may choose (GET /api/imports/projections). */
export interface Projection {
  code: string;
  name: string;
  geographic: boolean;
}

export interface FileField {
  name: string;
  /** text / number / boolean / date */
  type: string;
  samples: SampleValue[];
}

/** A layer of the uploaded file as the server inspected it. */
export interface InspectedLayer {
  name: string;
  featureCount: number;
  geometryTypes: string[];
  extent: [number, number, number, number] | null;
  fields: FileField[];
  crs: {
    crs: Projection | null;
    /** prj / geojson / standard */
    source: string | null;
    /** Why the user must choose a coordinate system. */
    problem: string | null;
    text?: string;
    /** Codes the coordinates' values suggest, best first. */
    suggestions?: string[];
  };
  /** Shapefiles only. */
  encoding: {
    declared: TextEncoding | null;
    declaredBy: string | null;
    detected: TextEncoding | null;
    used: TextEncoding | null;
    source: string | null;
    problem: string | null;
  } | null;
  warnings: string[];
  suggestedMapping: Record<string, string>;
}

/** A decision still missing, with the error starting now would give. */
export interface Missing {
  option: string;
  code: string;
  message: string;
}

export interface RowNote {
  /** The feature's position in the file, from 1. */
  row: number;
  reason: string;
}

export interface ImportReport {
  target: string;
  dataset: string;
  layer: string;
  projection: { code: string; name: string };
  encoding: string | null;
  gcj02: boolean;
  read: number;
  imported: number;
  inserted: number;
  updated: number;
  replaced: number;
  repaired: number;
  rejected: number;
  rejectedRows: RowNote[];
  repairedRows: RowNote[];
  listsTruncated: boolean;
  warnings: string[];
  durationMs: number;
}

export interface ImportJobSummary {
  id: number;
  target: ImportTarget;
  targetLabel: string;
  regionCode: string;
  regionName: string;
  status: ImportStatus;
  cancelRequested: boolean;
  fileName: string;
  fileSize: number;
  /** shapefile / geojson / kml / kmz / gpx */
  format: string;
  progress: { done: number; total: number | null; percent: number };
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: { code: string; message: string } | null;
}

/** The user's choices, each resolved: theirs, else what the file says. */
export interface ImportSettings {
  layer: string;
  projection: { code: string; name: string; source: string | null } | null;
  encoding: TextEncoding | null;
  gcj02: boolean;
  /** file field → our field */
  mapping: Record<string, string>;
  /** our field → (file value → code) */
  valueMap: Record<string, Record<string, string>>;
  dataset: string;
  planId: number | null;
  postId: number | null;
  layerName: string | null;
  layerKind: LayerKind;
  kind: string | null;
}

export interface PresetMatch {
  id: number;
  name: string;
  regionCode: string;
  mapping: Record<string, string>;
  /** How many of the preset's file fields this file has. */
  matched: number;
}

export interface ImportJob extends ImportJobSummary {
  inspection: {
    format: string;
    layers: InspectedLayer[];
    check: { layer: string; crs: string; extentLonLat: [number, number, number, number] | null; outsideChina: boolean; problem: string | null } | null;
  };
  options: Record<string, unknown>;
  settings: ImportSettings | null;
  ready: boolean;
  missing: Missing[];
  targetFields: TargetField[];
  presets: PresetMatch[];
  report: ImportReport | null;
}

/** What PATCH /api/imports/:id accepts; null takes a choice back. */
export interface OptionsPatch {
  layer?: string | null;
  projection?: string | null;
  encoding?: TextEncoding | null;
  gcj02?: boolean | null;
  mapping?: Record<string, string> | null;
  valueMap?: Record<string, Record<string, string>> | null;
  dataset?: string | null;
  planId?: number | null;
  postId?: number | null;
  layerName?: string | null;
  layerKind?: LayerKind | null;
  kind?: string | null;
}

/** 字段映射预设 */
export interface Preset {
  id: number;
  regionCode: string;
  target: ImportTarget;
  name: string;
  mapping: Record<string, string>;
  createdAt: string;
}

/** 网格方案, as far as choosing a draft to import into needs it. */
export interface PlanOption {
  id: number;
  regionCode: string;
  regionName: string | null;
  year: number;
  name: string;
  status: 'draft' | 'active' | 'archived';
}

/** 参考图层, to offer existing names. */
export interface ReferenceLayerOption {
  id: number;
  name: string;
  kind: LayerKind;
  regionName: string;
}

/** 代码表 */
export interface CodeDomain {
  domain: string;
  label: string | null;
  entries: Array<{ code: string; name: string }>;
}
