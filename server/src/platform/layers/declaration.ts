import type { RawBuilder } from 'kysely';
import type { TSchema } from 'typebox';
import type { Tx } from '../../db/scoped.ts';
import type { Permission } from '../auth/permissions.ts';
import type { TileFilter, ZoomRule } from '../tiles/layer-spec.ts';

/**
 * A spatial layer, declared once by the module that owns its table: what its rows are, what each
 * attribute is called in Chinese and in exported files, who may read and write it, and how the
 * map tiles, the feature panel, search, exports and imports treat it. Those five read this and
 * nothing else; the SQL for the owner's table lives here or in the owner's repository. SQL text in
 * a declaration is trusted code over the row alias `f`, never user input.
 */
export interface LayerDeclaration {
  /** Layer id in URLs, tiles, exports and imports (snake_case, usually the table's name). */
  id: string;
  /** 图层名称, as the map legend and the import wizard say it. */
  title: string;
  /** The table behind it (FROM `<table> f`). */
  table: string;
  geometry: GeometryKind;
  /** Integer feature id, an SQL expression over `f` ('f.id'; regions: their code). */
  idSql: string;
  /** The region column every row is filed under and scoped by ('region_code'; regions: 'code'). */
  regionColumn: string;
  /** Place in the lists of exportable and importable layers, ascending (the map draws in registry order). */
  listOrder: number;
  /** Who may read it (the map's routes check map.read) and who may write it (draw, import); no `write`: nobody through the API. */
  permissions: { read: Permission; write?: Permission };
  /** Every attribute the layer shows, exports or imports, by name. */
  attributes: Readonly<Record<string, LayerAttribute>>;
  tiles?: TileDeclaration;
  details?: DetailsDeclaration;
  search?: SearchDeclaration;
  export?: ExportDeclaration;
  import?: ImportDeclaration;
}

export type GeometryKind = 'polygon' | 'line' | 'point' | 'mixed';
export type ValueType = 'string' | 'integer' | 'number' | 'boolean';

/** One attribute: how to compute it, what people call it, and what exported files call it. */
export interface LayerAttribute {
  /** 中文名称 */
  label: string;
  /** An SQL expression over `f`. */
  sql: string;
  type: ValueType;
  unit?: string;
  /** The code table naming its values (地类 0111 → 乔木林地); written values must be in it. */
  codeDomain?: string;
  /** The stored column this attribute is, when it is one: imports write it, code checks read it. */
  column?: string;
  /**
   * Field name in exported files (GeoJSON property, DBF field, Excel column key): the pinyin
   * abbreviations offices know (XIAO_BAN, DI_LEI …), at most 10 ASCII characters. A coded value
   * exports its code and, beside it, its name from the code tables.
   */
  exportAs?: string | { code: string; name: string };
  /** The Excel header when it is not the label with its unit (a coded value's code column adds 代码). */
  exportHeader?: string;
}

/** How the layer is cut into vector tiles. */
export interface TileDeclaration {
  /** The attributes tiles may carry, in this order; each band names the ones it carries. */
  attributes: readonly string[];
  /** Detail per zoom band, by ascending `fromZoom`; the first band's `fromZoom` is the layer's min zoom. */
  zooms: readonly ZoomRule[];
  maxZoom: number;
  /** Units of a 4096-unit tile drawn beyond each edge. */
  buffer: number;
  /** The layer_versions entries whose change makes its tiles stale (default: the table). */
  dependsOn?: readonly string[];
  /** Conditions taken from the tile request's query string (e.g. which grid plan). */
  filter?: (query: TileQuery) => TileFilter;
  /**
   * One label point per feature (ST_PointOnSurface of the whole feature), in a second tile layer
   * `<id>_labels`, emitted only in the tile that holds the point, so a name is drawn once however
   * many tiles cut the feature. From `fromZoom` on, in bands that keep features apart.
   */
  label?: { attribute: string; fromZoom: number };
}

/** What a tile request may ask for beyond the address. */
export interface TileQuery {
  plan?: number | undefined;
}

/** What a clicked feature shows. */
export interface DetailsDeclaration {
  /** The attribute that names the feature (the panel's title). */
  title: string;
  /** The attributes shown, in order; coded values are named from the code tables. */
  fields: readonly string[];
  /** Attributes read along for the caller (a grid's plan and ranger) but not listed. */
  more?: readonly string[];
  /** A jsonb expression of source attributes kept as they came, listed after the fields. */
  extra?: string;
}

/** A search hit: which feature, its name and where it is. */
export interface SearchRow {
  layer: string;
  id: number;
  label: string;
  region_code: string | null;
  bbox: [number, number, number, number] | null;
}

/** How the map search finds the layer's features; layers are asked in ascending `rank`. */
export interface SearchDeclaration {
  rank: number;
  find: (tx: Tx, text: string, limit: number) => Promise<SearchRow[]>;
}

/** A filter an export of the layer accepts (query parameter → SQL condition over `f`). */
export interface ExportFilterDeclaration {
  /** The query parameter's schema, with its description (→ OpenAPI). */
  schema: TSchema;
  where: (value: string | number) => RawBuilder<unknown>;
  /** The condition when the filter is not given (grids: the active plans). */
  otherwise?: RawBuilder<unknown>;
  /** Names the value for the file name; throws not-found when the caller cannot see it. */
  describe?: (tx: Tx, value: string | number) => Promise<string>;
}

/** How the layer is exported (GeoJSON, Shapefile, Excel: the same fields in each). */
export interface ExportDeclaration {
  /** The Excel sheet and file name's first word, when not the title. */
  title?: string;
  /** ASCII base name of the files inside a Shapefile zip. */
  file: string;
  /** The attribute that orders rows and pages through them (unique). */
  key: string;
  /** The attributes exported, in order (a coded one gives two fields). */
  fields: readonly string[];
  /** Filters beyond the region (every layer has that one). */
  filters?: Readonly<Record<string, ExportFilterDeclaration>>;
}

/** How a file column's value is read and checked before it is staged. */
export type FieldKind =
  | { type: 'text'; max: number; pattern?: RegExp; patternHint?: string }
  | { type: 'code'; domain: string }
  | { type: 'number'; min: number; max?: number }
  | { type: 'year' }
  | { type: 'region'; level: 'county' | 'township' | 'village' };

/** One field a file column can be mapped onto; coded attributes are read as codes of their table. */
export interface ImportFieldDeclaration {
  attribute: string;
  kind?: Exclude<FieldKind, { type: 'code' } | { type: 'region' }>;
  required?: boolean;
}

/** What the user must choose besides the mapping. */
export type ImportOption = 'planId' | 'postId' | 'layerName' | 'kind';

/** What an import's final write needs besides the transaction. */
export interface ImportWrite {
  /** The accepted staged rows: `row_number, region_code, geom, attrs` (the mapped fields as jsonb), in file order. */
  rows: RawBuilder<unknown>;
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

export interface ImportCounts {
  inserted: number;
  updated: number;
  /** Rows of the same dataset removed before the new ones went in. */
  replaced: number;
}

/** How files are imported into the layer. */
export interface ImportDeclaration {
  fields: readonly ImportFieldDeclaration[];
  /** The region comes from the features (codes or location) rather than from a chosen post. */
  placesByFeature: boolean;
  /** Fields that identify a row across imports (re-importing updates it); empty: the dataset is replaced. */
  naturalKey: readonly string[];
  /** Where file columns nobody mapped are kept, if anywhere. */
  unmapped: 'extra' | 'properties' | null;
  options: readonly ImportOption[];
  /** Writes the accepted rows inside the import's one transaction. */
  write: (tx: Tx, w: ImportWrite) => Promise<ImportCounts>;
}
