import { describe, expect, test } from 'vitest';
import { PHONE, useDriver } from './driver.ts';
import { MapDriver, STYLE_LAYERS } from './map-driver.ts';

const SHUIDONG = '360702101000'; // 水东镇
const SHUIDONG_PREFIX = '360702101'; // 水东镇 and its villages
/** Inside 水东镇, where every layer has features. */
const IN_SHUIDONG: [number, number] = [114.99, 25.8];
/** Room the desktop panels take on each side of the map (side panel, toolbar). */
const PANELS = { left: 350, right: 90 };

/** Radius of the sphere the measure tool's square is laid out on (m). */
const EARTH_RADIUS_M = 6371008.8;

interface SearchHit {
  layer: string;
  id: number;
  label: string;
  regionPath: string | null;
  bbox: [number, number, number, number];
}

/** The map came in close on the hit: the whole feature in view, and drawn there. */
async function expectZoomedTo(map: MapDriver, before: { zoom: number }, hit: SearchHit, layers: readonly string[]) {
  const after = await map.view();
  expect(after.zoom).toBeGreaterThan(before.zoom + 2);
  const [w, s, e, n] = await map.bounds();
  const [fw, fs, fe, fn] = hit.bbox;
  expect(fw).toBeGreaterThan(w);
  expect(fe).toBeLessThan(e);
  expect(fs).toBeGreaterThan(s);
  expect(fn).toBeLessThan(n);
  expect((await map.rendered(layers)).map((f) => f.id)).toContain(hit.id);
}

describe('the one map (一张图)', () => {
  const app = useDriver();

  test('the district office sees sub-compartments, grids and risk areas drawn', async () => {
    const d = app();
    const map = new MapDriver(d);
    await map.openAs('demo-office');

    const subCompartments = await map.rendered(STYLE_LAYERS.sub_compartments);
    const grids = await map.rendered(STYLE_LAYERS.grids);
    const risks = await map.rendered(STYLE_LAYERS.risk_areas);
    expect(subCompartments.length).toBeGreaterThan(0);
    expect(grids.length).toBeGreaterThan(0);
    expect(risks.length).toBeGreaterThan(0);
    // No base map is configured in tests: the map says so, discreetly, and draws anyway.
    expect(await d.text('basemap-none')).toBe('未配置底图');
    await d.screenshot('map-desktop');
  });

  test('searching a village name zooms to the village', async () => {
    const d = app();
    const map = new MapDriver(d);
    await map.openAs('demo-office');
    const before = await map.view();
    const hits = await d.api<SearchHit[]>('GET', `/api/map/search?q=${encodeURIComponent('七里村')}`);
    const village = hits.find((h) => h.layer === 'regions' && h.label === '七里村委会')!;

    await d.fill('map-search-input', '七里村');
    await d.page.keyboard.press('Enter');
    await d.byTestId('map-search-result').filter({ hasText: '七里村委会' }).filter({ hasText: '区划' }).click();
    await map.settled();

    const after = await map.view();
    const [w, s, e, n] = village.bbox;
    expect(after.zoom).toBeGreaterThan(before.zoom + 1);
    expect(after.lng).toBeGreaterThan(w);
    expect(after.lng).toBeLessThan(e);
    expect(after.lat).toBeGreaterThan(s);
    expect(after.lat).toBeLessThan(n);
    expect(await d.text('feature-title')).toBe('七里村委会');
  });

  test('clicking a sub-compartment shows its attributes with the area in mu and hectares', async () => {
    const d = app();
    const map = new MapDriver(d);
    await map.openAs('demo-office');
    await map.jumpTo(IN_SHUIDONG, 14.5);

    const point = await map.pointOn('sub_compartments-fill', PANELS, [...STYLE_LAYERS.risk_areas, 'key_routes-line']);
    await d.page.mouse.click(point.x, point.y);

    const expected = await d.api<{ label: string; areaMu: number }>('GET', `/api/map/features/sub_compartments/${point.id}`);
    expect(await d.text('feature-title')).toBe(expected.label);
    const props = await d.text('feature-props');
    expect(props).toContain('地类');
    expect(props).toContain('优势树种');
    expect(await d.text('feature-area')).toMatch(/^[\d,]+\.\d{2} 亩\s+[\d,]+\.\d{4} 公顷$/);
  });

  test("a township chief's map shows nothing outside the township, even at its edge", async () => {
    const d = app();
    const map = new MapDriver(d);
    await map.openAs('demo-township');
    // The western edge of 水东镇: half the view is a neighbouring township.
    await map.jumpTo([114.9735, 25.825], 13);

    const features = [
      ...(await map.rendered(STYLE_LAYERS.sub_compartments)),
      ...(await map.rendered(STYLE_LAYERS.grids)),
      ...(await map.rendered(STYLE_LAYERS.risk_areas)),
    ];
    expect(features.length).toBeGreaterThan(0);
    const outside = features.filter((f) => !String(f.properties.region_code).startsWith(SHUIDONG_PREFIX));
    expect(outside).toEqual([]);
  });

  test('the township map starts at the township', async () => {
    const d = app();
    const map = new MapDriver(d);
    await map.openAs('demo-township');
    const { scope } = await d.api<{ scope: { bbox: [number, number, number, number] } }>('GET', '/api/map/layers');
    const bbox = scope.bbox;
    const view = await map.view();
    expect(view.lng).toBeGreaterThan(bbox[0]);
    expect(view.lng).toBeLessThan(bbox[2]);
    expect(view.zoom).toBeGreaterThan(11);
  });

  test('the measure tool reads the area of a drawn 600 m square as 540 mu', async () => {
    const d = app();
    const map = new MapDriver(d);
    await map.openAs('demo-office');
    await map.jumpTo(IN_SHUIDONG, 15);
    await d.click('tool-measure-area');
    await d.byTestId('measure-panel').waitFor();

    // 600 m × 600 m = 36 ha = 540 亩 (1 ha = 15 亩), centred in the view.
    const [lng, lat] = IN_SHUIDONG;
    const dLat = (300 / EARTH_RADIUS_M) * (180 / Math.PI);
    const dLng = dLat / Math.cos((lat * Math.PI) / 180);
    await map.clickLngLats([
      [lng - dLng, lat - dLat],
      [lng + dLng, lat - dLat],
      [lng + dLng, lat + dLat],
      [lng - dLng, lat + dLat],
    ]);

    const text = await d.text('measure-result');
    const [, mu, ha] = /面积\s+([\d,]+\.\d{2}) 亩\s+([\d,]+\.\d{4}) 公顷/.exec(text) ?? [];
    // Within 1.5%: the corners land on whole pixels (~2 m at this zoom, 0.4% of a side) and the
    // tool measures on a sphere, which differs from the ellipsoid here by a few tenths of a percent.
    expect(Math.abs(Number(mu!.replaceAll(',', '')) - 540) / 540).toBeLessThan(0.015);
    expect(Number(ha!.replaceAll(',', '')) * 15).toBeCloseTo(Number(mu!.replaceAll(',', '')), 1);
  });

  test('searching a 小班号 zooms to the sub-compartment', async () => {
    const d = app();
    const map = new MapDriver(d);
    await map.openAs('demo-office');
    const before = await map.view();
    // A 林班-小班 number of 水东镇; other villages number theirs alike, so several may answer.
    const { items } = await d.api<{ items: Array<{ compartment: string; number: string }> }>('GET', `/api/sub-compartments?regionCode=${SHUIDONG}&pageSize=1&page=7`);
    const q = `${items[0]!.compartment}-${items[0]!.number}`;
    const hit = (await d.api<SearchHit[]>('GET', `/api/map/search?q=${q}`)).find((h) => h.layer === 'sub_compartments')!;

    await d.fill('map-search-input', q);
    await d.page.keyboard.press('Enter');
    await d.byTestId('map-search-result').filter({ hasText: '小班' }).filter({ hasText: hit.regionPath! }).filter({ hasText: q }).click();
    await map.settled();

    await expectZoomedTo(map, before, hit, STYLE_LAYERS.sub_compartments);
    const expected = await d.api<{ label: string }>('GET', `/api/map/features/sub_compartments/${hit.id}`);
    expect(await d.text('feature-title')).toBe(expected.label);
  });

  test('searching a grid name zooms to the grid', async () => {
    const d = app();
    const map = new MapDriver(d);
    await map.openAs('demo-office');
    const before = await map.view();
    const [plan] = await d.api<Array<{ id: number }>>('GET', '/api/grid-plans?status=active');
    const { items } = await d.api<{ items: Array<{ id: number; code: string; name: string }> }>('GET', `/api/grid-plans/${plan!.id}/grids?regionCode=${SHUIDONG}&pageSize=1&page=3`);
    const grid = items[0]!;
    const hit = (await d.api<SearchHit[]>('GET', `/api/map/search?q=${encodeURIComponent(grid.name)}`)).find((h) => h.layer === 'grids' && h.id === grid.id)!;

    await d.fill('map-search-input', grid.name);
    await d.page.keyboard.press('Enter');
    await d.byTestId('map-search-result').filter({ hasText: '网格' }).filter({ hasText: `（${grid.code}）` }).click();
    await map.settled();

    await expectZoomedTo(map, before, hit, STYLE_LAYERS.grids);
    const expected = await d.api<{ label: string }>('GET', `/api/map/features/grids/${grid.id}`);
    expect(await d.text('feature-title')).toBe(expected.label);
  });

  test('a drawn risk area is saved and drawn from the refreshed tiles', async () => {
    const d = app();
    const map = new MapDriver(d);
    const name = `测试施工现场${Date.now() % 100000}`;
    await map.openAs('demo-office');
    await map.jumpTo(IN_SHUIDONG, 14);
    await d.click('tool-draw');
    await d.byTestId('draw-panel').waitFor();

    await map.clickPolygon([
      [-60, -50],
      [40, -50],
      [50, 40],
      [-50, 40],
    ]);
    await d.byTestId('draw-redraw').waitFor();
    await d.click('draw-kind');
    await d.page.getByTitle('林区施工现场').click();
    await d.fill('draw-name', name);
    await d.click('draw-save');

    expect(await d.text('feature-title')).toBe(name);
    await map.settled();
    const drawn = await map.rendered(STYLE_LAYERS.risk_areas);
    expect(drawn.some((f) => f.properties.name === name)).toBe(true);
  });

  test('a ranger, who may only read the map, has no drawing tool', async () => {
    const d = app();
    const map = new MapDriver(d);
    await map.openAs('demo-ranger');
    await d.byTestId('tool-measure-area').waitFor();
    expect(await d.byTestId('tool-draw').count()).toBe(0);
  });
});

describe('the one map on a phone', () => {
  const app = useDriver();

  test('the layers fold into a drawer and the map keeps the screen', async () => {
    const d = app();
    const map = new MapDriver(d);
    await map.openAs('demo-township', PHONE);
    expect(await d.byTestId('map-side').count()).toBe(0);
    await d.screenshot('map-phone');

    await d.click('tool-layers');
    await d.byTestId('layer-panel').waitFor();
    expect(await d.text('layer-panel')).toContain('小班');
    await d.screenshot('map-phone-layers');
  });
});
