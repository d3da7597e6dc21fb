import type { Map as MapLibreMap } from 'maplibre-gl';
import type { GeoJSONStoreFeatures, TerraDraw } from 'terra-draw';
import { useEffect, useState } from 'react';
import type { EditablePart } from './geometry.ts';
import { useMap } from './MapView.tsx';

/** The drawing modes the map offers; `static` draws nothing and lets the map pan. */
export type DrawMode = 'static' | 'polygon' | 'linestring' | 'point' | 'select';

type Hex = `#${string}`;

/**
 * Creates one terra-draw instance on the map, loaded on first use (it is not needed to look at
 * the map). Polygon, line and point modes draw; select mode edits vertices: drag, add at
 * midpoints, delete. Shapes are kept to 7 decimals (≈1 cm), as the server stores them.
 */
async function createTerraDraw(map: MapLibreMap, colour: Hex): Promise<TerraDraw> {
  const [{ TerraDraw, TerraDrawPolygonMode, TerraDrawLineStringMode, TerraDrawPointMode, TerraDrawSelectMode }, { TerraDrawMapLibreGLAdapter }] = await Promise.all([
    import('terra-draw'),
    import('terra-draw-maplibre-gl-adapter'),
  ]);
  const editable = { feature: { draggable: false, coordinates: { draggable: true, midpoints: true, deletable: true } } };
  const draw = new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: 7 }),
    modes: [
      new TerraDrawPolygonMode({
        styles: { fillColor: colour, fillOpacity: 0.18, outlineColor: colour, outlineWidth: 2.5, closingPointColor: '#ffffff', closingPointOutlineColor: colour, closingPointWidth: 5, closingPointOutlineWidth: 2 },
      }),
      new TerraDrawLineStringMode({ styles: { lineStringColor: colour, lineStringWidth: 3, closingPointColor: '#ffffff', closingPointOutlineColor: colour } }),
      new TerraDrawPointMode({ styles: { pointColor: colour, pointWidth: 7, pointOutlineColor: '#ffffff', pointOutlineWidth: 2 } }),
      new TerraDrawSelectMode({
        flags: { polygon: editable, linestring: editable, point: { feature: { draggable: true } } },
        styles: {
          selectedPolygonColor: colour,
          selectedPolygonFillOpacity: 0.2,
          selectedPolygonOutlineColor: colour,
          selectedPolygonOutlineWidth: 3,
          selectedLineStringColor: colour,
          selectedLineStringWidth: 3,
          selectedPointColor: colour,
          selectionPointColor: '#ffffff',
          selectionPointOutlineColor: colour,
          selectionPointWidth: 5,
          selectionPointOutlineWidth: 2,
          midPointColor: colour,
          midPointOutlineColor: '#ffffff',
          midPointWidth: 3,
        },
      }),
    ],
  });
  draw.start();
  return draw;
}

/** The map's terra-draw, created the first time `wanted` is true and kept until the map goes. */
export function useTerraDraw(wanted: boolean, colour: Hex): TerraDraw | null {
  const map = useMap();
  const [draw, setDraw] = useState<TerraDraw | null>(null);
  useEffect(() => {
    if (!wanted || draw) return;
    let cancelled = false;
    void createTerraDraw(map, colour).then((created) => {
      if (cancelled) created.stop();
      else setDraw(created);
    });
    return () => {
      cancelled = true;
    };
  }, [wanted, draw, map, colour]);
  useEffect(
    () => () => {
      try {
        draw?.stop();
      } catch {
        // The map went first (its component unmounted before this one): nothing left to remove.
      }
    },
    [draw],
  );
  return draw;
}

const GUIDANCE = ['midPoint', 'selectionPoint', 'closingPoint', 'snappingPoint', 'coordinatePoint'];

/** A drawn shape (not one of the handles terra-draw draws to edit it), with its id. */
export interface DrawnShape {
  id: string | number;
  geometry: EditablePart;
  /** Still being drawn (the last vertex follows the pointer). */
  drawing: boolean;
}

/** The finished or in-progress shapes, without the vertex handles, midpoints and closing points. */
export function drawnFeatures(draw: TerraDraw): DrawnShape[] {
  return draw
    .getSnapshot()
    .filter((f) => !GUIDANCE.some((flag) => f.properties[flag]))
    .flatMap((f) => {
      const g = f.geometry;
      if (g.type !== 'Polygon' && g.type !== 'LineString' && g.type !== 'Point') return [];
      return [{ id: f.id as string | number, geometry: g, drawing: f.properties.currentlyDrawing === true }];
    });
}

export const drawnShapes = (draw: TerraDraw): EditablePart[] => drawnFeatures(draw).map((f) => f.geometry);

/** Puts existing shapes into the drawing for editing and selects the first. */
export function loadShapes(draw: TerraDraw, parts: readonly EditablePart[]): void {
  draw.clear();
  draw.setMode('select');
  const features: GeoJSONStoreFeatures[] = parts.map((geometry) => ({
    type: 'Feature',
    id: draw.getFeatureId(),
    geometry,
    properties: { mode: geometry.type === 'Polygon' ? 'polygon' : geometry.type === 'LineString' ? 'linestring' : 'point' },
  }));
  const results = draw.addFeatures(features);
  const first = results.find((r) => r.valid);
  if (first) draw.selectFeature(first.id as string);
}
