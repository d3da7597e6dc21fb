import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/app.ts';
import { officeAdmin, SHASHI, SHUIDONG, townshipChief, villageChief, ZHANGGONG } from '../../../test/personas.ts';
import { setBoundaries } from './repository.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

interface Region {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
  childCount: number;
}

describe('the administrative tree', () => {
  it('gives the district office the whole of 章贡区: 17 townships and streets, 229 villages', async () => {
    const office = await officeAdmin(t);
    expect((await office.get('/api/regions')).json().map((r: Region) => r.code)).toEqual([ZHANGGONG]);
    const tree = (await office.get(`/api/regions/${ZHANGGONG}/tree?depth=2`)).json() as Region[];
    expect(tree.filter((r) => r.level === 4)).toHaveLength(17);
    expect(tree.filter((r) => r.level === 5)).toHaveLength(229);
    // Every region but the root hangs under another region of the same answer.
    const codes = new Set(tree.map((r) => r.code));
    expect(tree.every((r) => r.code === ZHANGGONG || codes.has(r.parentCode!))).toBe(true);
  });

  it('lists a township’s villages as its children, and the path from the caller’s top down to a village', async () => {
    const office = await officeAdmin(t);
    const children = (await office.get(`/api/regions/${SHUIDONG}/children`)).json() as Region[];
    expect(children.length).toBe((await office.get(`/api/regions/${SHUIDONG}`)).json().childCount);
    expect(children.every((c) => c.parentCode === SHUIDONG && c.level === 5)).toBe(true);
    const path = (await office.get(`/api/regions/${children[0]!.code}/path`)).json() as Region[];
    expect(path.map((r) => r.code)).toEqual([ZHANGGONG, SHUIDONG, children[0]!.code]);
  });

  it('starts a township chief’s path at the township: nothing above it is theirs to see', async () => {
    const chief = await townshipChief(t);
    const village = ((await chief.get(`/api/regions/${SHUIDONG}/children`)).json() as Region[])[0]!;
    expect(((await chief.get(`/api/regions/${village.code}/path`)).json() as Region[]).map((r) => r.code)).toEqual([SHUIDONG, village.code]);
    expect((await chief.get(`/api/regions/${ZHANGGONG}`)).statusCode).toBe(404);
  });

  it('answers 404 for a neighbouring township, its children, its path and its boundary', async () => {
    const chief = await townshipChief(t);
    for (const url of [`/api/regions/${SHASHI}`, `/api/regions/${SHASHI}/children`, `/api/regions/${SHASHI}/path`, `/api/regions/${SHASHI}/tree`, `/api/regions/${SHASHI}/boundary`]) {
      expect((await chief.get(url)).statusCode, url).toBe(404);
    }
  });

  it('gives a village chief only their village', async () => {
    const chief = await villageChief(t);
    const roots = (await chief.get('/api/regions')).json() as Region[];
    expect(roots).toHaveLength(1);
    expect(roots[0]).toMatchObject({ level: 5, parentCode: SHUIDONG });
    expect((await chief.get(`/api/regions/${SHUIDONG}`)).statusCode).toBe(404);
  });
});

describe('searching the region tree', () => {
  const search = (client: Awaited<ReturnType<typeof officeAdmin>>, q: string) => client.get(`/api/regions/search?q=${encodeURIComponent(q)}`);

  it('finds 水东镇 by part of its name without any branch opened, with the ancestors that place it in the tree', async () => {
    const office = await officeAdmin(t);
    for (const q of ['水东镇', '水东']) {
      const res = await search(office, q);
      expect(res.statusCode, q).toBe(200);
      const { matches, ancestors } = res.json() as { matches: Region[]; ancestors: Region[] };
      expect(matches[0]?.code, q).toBe(SHUIDONG);
      expect(ancestors.map((r) => r.code)).toEqual([ZHANGGONG]);
    }
  });

  it('finds a village deep in the tree by name and by the start of its code, with township and district above it', async () => {
    const office = await officeAdmin(t);
    const village = ((await office.get(`/api/regions/${SHASHI}/children`)).json() as Region[])[0]!;
    for (const q of [village.name, village.code]) {
      const { matches, ancestors } = (await search(office, q)).json() as { matches: Region[]; ancestors: Region[] };
      expect(matches.map((r) => r.code), q).toContain(village.code);
      expect(ancestors.map((r) => r.code), q).toEqual(expect.arrayContaining([ZHANGGONG, SHASHI]));
    }
  });

  it('never shows a township chief a neighbouring township’s villages, nor anything above their township', async () => {
    const office = await officeAdmin(t);
    const neighbourVillage = ((await office.get(`/api/regions/${SHASHI}/children`)).json() as Region[])[0]!;
    const chief = await townshipChief(t);
    const byName = (await search(chief, neighbourVillage.name)).json() as { matches: Region[]; ancestors: Region[] };
    expect(byName.matches.map((r) => r.code)).not.toContain(neighbourVillage.code);
    expect((await search(chief, SHASHI)).json()).toEqual({ matches: [], ancestors: [] });
    const own = (await search(chief, '水东')).json() as { matches: Region[]; ancestors: Region[] };
    expect(own.matches[0]?.code).toBe(SHUIDONG);
    expect(own.matches.length).toBeGreaterThan(0);
    expect(own.matches.every((r) => r.code.startsWith(SHUIDONG.slice(0, 9)))).toBe(true);
    expect(own.ancestors).toEqual([]);
  });

  it('refuses an empty search with 400', async () => {
    const res = await search(await officeAdmin(t), '');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });
});

describe('region boundaries', () => {
  it('are served as GeoJSON with the area in mu measured on the ellipsoid', async () => {
    const feature = (await (await officeAdmin(t)).get(`/api/regions/${ZHANGGONG}/boundary`)).json();
    expect(feature).toMatchObject({ type: 'Feature', id: ZHANGGONG, geometry: { type: 'MultiPolygon' } });
    // The demo district is drawn at about 478 km² (issue 2): 1 km² = 1,500 mu.
    expect(feature.properties.areaMu / 1500).toBeGreaterThan(450);
    expect(feature.properties.areaMu / 1500).toBeLessThan(510);
  });

  it('refuse a self-intersecting boundary instead of storing it', async () => {
    const bowTie = { type: 'Polygon', coordinates: [[[114.9, 25.8], [115.0, 25.9], [115.0, 25.8], [114.9, 25.9], [114.9, 25.8]]] };
    await expect(t.system.run((tx) => setBoundaries(tx, [{ code: SHUIDONG, geometry: bowTie }]))).rejects.toThrow(/regions_geom_valid/);
  });
});
