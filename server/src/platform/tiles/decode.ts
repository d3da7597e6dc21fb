import { gunzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';

/** A decoded tile feature, as a map client would read it: tile-unit rings, id and attributes. */
export interface DecodedFeature {
  layer: string;
  extent: number;
  id: number | undefined;
  /** 1 point, 2 line, 3 polygon */
  type: number;
  properties: Record<string, string | number | boolean>;
  rings: Array<Array<[number, number]>>;
}

/** Reads MVT bytes (gzip-compressed or not) back into features, with @mapbox/vector-tile. Empty bytes = no feature. */
export function decodeTile(bytes: Uint8Array): DecodedFeature[] {
  if (bytes.byteLength === 0) return [];
  const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  const tile = new VectorTile(new PbfReader(raw));
  const features: DecodedFeature[] = [];
  for (const [name, layer] of Object.entries(tile.layers)) {
    for (let i = 0; i < layer.length; i++) {
      const f = layer.feature(i);
      features.push({
        layer: name,
        extent: layer.extent,
        id: f.id,
        type: f.type,
        properties: f.properties,
        rings: f.loadGeometry().map((ring) => ring.map((p): [number, number] => [p.x, p.y])),
      });
    }
  }
  return features;
}
