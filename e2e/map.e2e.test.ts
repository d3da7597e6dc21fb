import { describe, expect, test } from 'vitest';
import { PHONE, useDriver } from './driver.ts';
import { MapDriver, STYLE_LAYERS } from './map-driver.ts';

const SHUIDONG_PREFIX = '360702101'; // 水东镇 and its villages
/** Inside 水东镇, where every layer has features. */
const IN_SHUIDONG: [number, number] = [114.99, 25.8];
/** Room the desktop panels take on each side of the map (side panel, toolbar). */
const PANELS = { left: 350, right: 90 };

interface SearchHit {
  layer: string;
  label: string;
  bbox: [number, number, number, number];
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

  test('the measure tool reads a drawn area in mu', async () => {
    const d = app();
    const map = new MapDriver(d);
    await map.openAs('demo-office');
    await d.click('tool-measure-area');
    await d.byTestId('measure-panel').waitFor();

    await map.clickPolygon([
      [-80, -60],
      [80, -60],
      [90, 60],
      [-70, 70],
    ]);

    expect(await d.text('measure-result')).toMatch(/面积\s+[\d,]+\.\d{2} 亩\s+[\d,]+\.\d{4} 公顷/);
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
