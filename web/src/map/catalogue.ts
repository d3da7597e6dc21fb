/**
 * The map's layer catalogue as `GET /api/map/layers` answers it (server
 * modules/map/schema.ts `MapCatalogue`): every style in the web app is built from this, never
 * from a hand-kept list, so a layer the server adds shows up with generic cartography.
 */

/** [west, south, east, north] in longitude/latitude (CGCS2000). */
export type BBox = [number, number, number, number];

export interface CodeName {
  code: string;
  name: string;
}

export interface LayerAttribute {
  name: string;
  /** 中文名称 */
  label: string;
  type: 'string' | 'integer' | 'number' | 'boolean';
  /** Tiles carry the attribute from this zoom on. */
  fromZoom: number;
  /** Code values with their names, for legends. */
  codes?: CodeName[];
}

export type LayerGeometry = 'polygon' | 'line' | 'point' | 'mixed';

/** One vector-tile layer of the one map (图层). */
export interface MapLayerInfo {
  id: string;
  name: string;
  geometry: LayerGeometry;
  minZoom: number;
  maxZoom: number;
  /** Features carry ids (and can be clicked) from this zoom on; below they are merged by attribute. */
  clickableFromZoom: number | null;
  /** `/api/tiles/<layer>/{z}/{x}/{y}.mvt` */
  tileUrl: string;
  /** Changes whenever the layer's data changes; goes into the tile URL as `?v=`. */
  version: string;
  /**
   * One label point per feature, in a second layer of the same tiles (`layer`), emitted only in
   * the tile that holds it: a name is drawn once however many tiles cut its polygon.
   */
  labels: { layer: string; attribute: string; fromZoom: number } | null;
  attributes: LayerAttribute[];
}

/** 网格方案 */
export interface GridPlanInfo {
  id: number;
  name: string;
  year: number;
  status: 'draft' | 'active' | 'archived';
  active: boolean;
}

export interface Basemap {
  /** Raster layers, bottom first; each lists the same XYZ/WMTS tiles ({z}/{x}/{y}) on alternative hosts. */
  layers: Array<{ tiles: string[] }>;
  attribution: string | null;
}

export interface MapCatalogue {
  layers: MapLayerInfo[];
  scope: { regions: CodeName[]; bbox: BBox | null };
  basemap: Basemap | null;
  gridPlans: GridPlanInfo[];
  referenceLayers: Array<{ id: number; name: string; kind: string }>;
}

export function attributeOf(layer: MapLayerInfo | undefined, name: string): LayerAttribute | undefined {
  return layer?.attributes.find((a) => a.name === name);
}

/** The name of a coded value, or the code itself when the code table does not know it. */
export function codeName(layer: MapLayerInfo | undefined, attribute: string, code: string): string {
  return attributeOf(layer, attribute)?.codes?.find((c) => c.code === code)?.name ?? code;
}
