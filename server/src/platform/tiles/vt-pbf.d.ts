/** The part of vt-pbf (no published types) that the Node encoder uses: it writes vector-tile-js shaped layers. */
declare module 'vt-pbf' {
  export interface VtPoint {
    x: number;
    y: number;
  }
  export interface VtFeature {
    id: number | undefined;
    /** 1 point, 2 line, 3 polygon */
    type: 1 | 2 | 3;
    properties: Record<string, string | number | boolean | null>;
    loadGeometry(): VtPoint[][];
  }
  export interface VtLayer {
    name: string;
    version: number;
    extent: number;
    length: number;
    feature(i: number): VtFeature;
  }
  export function fromVectorTileJs(tile: { layers: Record<string, VtLayer> }): Uint8Array;
}
