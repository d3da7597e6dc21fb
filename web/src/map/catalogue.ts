import type { ApiAnswer, Item } from '../app/api-types.ts';

/**
 * The map's layer catalogue as `GET /api/map/layers` answers it (read from the generated API
 * types): every style in the web app is built from this, never from a hand-kept list, so a layer
 * the server adds shows up with generic cartography.
 */
export type MapCatalogue = ApiAnswer<'/api/map/layers'>;

/** One vector-tile layer of the one map (图层). */
export type MapLayerInfo = Item<MapCatalogue['layers']>;
export type LayerAttribute = Item<MapLayerInfo['attributes']>;
export type LayerGeometry = MapLayerInfo['geometry'];
export type CodeName = Item<MapCatalogue['scope']['regions']>;

/** 网格方案 */
export type GridPlanInfo = Item<MapCatalogue['gridPlans']>;
export type Basemap = NonNullable<MapCatalogue['basemap']>;

/** [west, south, east, north] in longitude/latitude (CGCS2000); the API's bboxes have exactly four numbers. */
export type BBox = readonly number[];

export function attributeOf(layer: MapLayerInfo | undefined, name: string): LayerAttribute | undefined {
  return layer?.attributes.find((a) => a.name === name);
}

/** The name of a coded value, or the code itself when the code table does not know it. */
export function codeName(layer: MapLayerInfo | undefined, attribute: string, code: string): string {
  return attributeOf(layer, attribute)?.codes?.find((c) => c.code === code)?.name ?? code;
}
