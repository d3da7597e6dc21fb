import type { Driver } from './driver.ts';

/**
 * Map actions for browser tests, on top of the Driver. MapLibre draws into a canvas, so the tests
 * read the map through the test hook the app exposes when `__LINZHANG_E2E__` is set before it
 * loads: `window.__linzhangMap` (the MapLibre map) — what is rendered, where, at which zoom.
 */

/** A rendered feature, as the tests need it. */
export interface Rendered {
  id: number | string | undefined;
  layer: string;
  properties: Record<string, unknown>;
}

/** The style layers drawing each catalogue layer's features (web/src/map/style-layers.ts). */
export const STYLE_LAYERS = {
  sub_compartments: ['sub_compartments-fill'],
  grids: ['grids-line', 'grids-line-no-ranger'],
  risk_areas: ['risk_areas-fill', 'risk_areas-line', 'risk_areas-point'],
  regions: ['regions-fill'],
} as const;

interface MapHook {
  loaded(): boolean;
  areTilesLoaded(): boolean;
  getZoom(): number;
  getCenter(): { lng: number; lat: number };
  getBounds(): { getWest(): number; getSouth(): number; getEast(): number; getNorth(): number };
  jumpTo(options: { center: [number, number]; zoom: number }): void;
  project(lngLat: [number, number]): { x: number; y: number };
  queryRenderedFeatures(
    geometryOrOptions: [number, number] | [[number, number], [number, number]] | { layers: string[] },
    options?: { layers: string[] },
  ): Array<{ id?: number | string; layer: { id: string }; properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }>;
}
/** The page's window as these tests see it (the e2e project compiles without the DOM library). */
declare const window: { __LINZHANG_E2E__?: boolean; __linzhangMap?: MapHook };

export class MapDriver {
  constructor(readonly d: Driver) {}

  /**
   * Signs in and opens the one map with the test hook on, once its first tiles have drawn. With a
   * viewport (a phone), the page is resized after signing in and the map opened by its address.
   */
  async openAs(username: string, viewport?: { width: number; height: number }): Promise<void> {
    await this.d.page.addInitScript(() => {
      window.__LINZHANG_E2E__ = true;
    });
    await this.d.signInAs(username);
    if (viewport) {
      await this.d.page.setViewportSize(viewport);
      await this.d.open('/map');
    } else {
      await this.d.click('menu-map');
    }
    await this.settled();
  }

  /** Waits until the map has loaded and has no tile still on its way, then a frame more for labels. */
  async settled(): Promise<void> {
    await this.d.page.waitForFunction(() => !!window.__linzhangMap && window.__linzhangMap.loaded() && window.__linzhangMap.areTilesLoaded(), null, { timeout: 60_000 });
    await this.d.page.waitForTimeout(400);
    await this.d.page.waitForFunction(() => window.__linzhangMap!.areTilesLoaded(), null, { timeout: 60_000 });
  }

  async jumpTo(center: [number, number], zoom: number): Promise<void> {
    await this.d.page.evaluate(({ center, zoom }) => window.__linzhangMap!.jumpTo({ center, zoom }), { center, zoom });
    await this.settled();
  }

  async view(): Promise<{ zoom: number; lng: number; lat: number }> {
    return this.d.page.evaluate(() => ({ zoom: window.__linzhangMap!.getZoom(), ...window.__linzhangMap!.getCenter() }));
  }

  /** What the map shows: [west, south, east, north]. */
  async bounds(): Promise<[number, number, number, number]> {
    return this.d.page.evaluate(() => {
      const b = window.__linzhangMap!.getBounds();
      return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] as [number, number, number, number];
    });
  }

  /** Features drawn on screen by the given style layers. */
  async rendered(layers: readonly string[]): Promise<Rendered[]> {
    return this.d.page.evaluate(
      (layers) =>
        window.__linzhangMap!.queryRenderedFeatures({ layers: [...layers] }).map((f) => ({ id: f.id, layer: f.layer.id, properties: { ...f.properties } })),
      layers,
    );
  }

  /**
   * A screen point (page coordinates) on a clickable feature of the style layer: the middle of
   * a rendered polygon piece that the map reports at that very pixel, away from the panels and
   * from anything of the `above` layers (which a click would pick first).
   */
  async pointOn(layer: string, avoid: { left: number; right: number }, above: readonly string[] = []): Promise<{ x: number; y: number; id: number }> {
    const canvas = (await this.d.byTestId('map-canvas').boundingBox())!;
    const found = await this.d.page.evaluate(
      ({ layer, above, minX, maxX, height }) => {
        const map = window.__linzhangMap!;
        for (const f of map.queryRenderedFeatures({ layers: [layer] })) {
          if (typeof f.id !== 'number' || f.geometry.type !== 'Polygon') continue;
          const ring = (f.geometry.coordinates as number[][][])[0]!;
          const lng = ring.reduce((s, p) => s + p[0]!, 0) / ring.length;
          const lat = ring.reduce((s, p) => s + p[1]!, 0) / ring.length;
          const p = map.project([lng, lat]);
          if (p.x < minX || p.x > maxX || p.y < 80 || p.y > height - 60) continue;
          const there = map.queryRenderedFeatures([p.x, p.y], { layers: [layer] });
          const near = above.length ? map.queryRenderedFeatures([[p.x - 8, p.y - 8], [p.x + 8, p.y + 8]], { layers: [...above] }) : [];
          if (near.length === 0 && there.some((t) => t.id === f.id)) return { x: p.x, y: p.y, id: f.id };
        }
        return null;
      },
      { layer, above, minX: avoid.left, maxX: canvas.width - avoid.right, height: canvas.height },
    );
    if (!found) throw new Error(`no clickable feature of ${layer} in view`);
    return { x: canvas.x + found.x, y: canvas.y + found.y, id: found.id };
  }

  /** Clicks map points one by one, as a person drawing a shape would, and clicks the first again to close it. */
  async clickPolygon(offsets: ReadonlyArray<readonly [number, number]>): Promise<void> {
    const canvas = (await this.d.byTestId('map-canvas').boundingBox())!;
    const cx = canvas.x + canvas.width / 2;
    const cy = canvas.y + canvas.height / 2;
    await this.clickClosed(offsets.map(([dx, dy]) => [cx + dx, cy + dy] as const));
  }

  /**
   * Draws a shape of known size: clicks the screen points of these longitude/latitude corners (on
   * whole pixels, where a mouse lands) and the first again to close it.
   */
  async clickLngLats(corners: ReadonlyArray<readonly [number, number]>): Promise<void> {
    const canvas = (await this.d.byTestId('map-canvas').boundingBox())!;
    const points = await this.d.page.evaluate((corners) => corners.map(([lng, lat]) => window.__linzhangMap!.project([lng, lat])), corners);
    await this.clickClosed(points.map((p) => [Math.round(canvas.x + p.x), Math.round(canvas.y + p.y)] as const));
  }

  private async clickClosed(points: ReadonlyArray<readonly [number, number]>): Promise<void> {
    for (const [x, y] of [...points, points[0]!]) {
      await this.d.page.mouse.move(x, y);
      await this.d.page.mouse.down();
      await this.d.page.mouse.up();
      await this.d.page.waitForTimeout(250);
    }
  }
}
