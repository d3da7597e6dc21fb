import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bulkyGeoJson, routeShapefile } from '../../../../test/fixtures/import-files.ts';
import { unzipEntries, zipEntries } from '../../../../test/fixtures/zip-parts.ts';
import { openUpload } from './index.ts';
import { readLimits } from './limits.ts';
import { countElements } from './xml.ts';

const MiB = 1024 * 1024;
const point = { type: 'Point' as const, coordinates: [114.9, 25.8] };
const route = { name: '线', geometry: { type: 'MultiLineString' as const, coordinates: [[[114.9, 25.8], [114.91, 25.81]]] } };

describe('text-format limits', () => {
  it('are 1 MiB plus 4 KiB a feature, capped for KML/GPX (read whole) lower than for GeoJSON (streamed)', () => {
    expect(readLimits({ maxBytes: 200 * MiB, maxFeatures: 2 }).maxTextBytes).toEqual({ json: MiB + 8192, xml: MiB + 8192 });
    expect(readLimits({ maxBytes: 200 * MiB, maxFeatures: 300_000 })).toMatchObject({ maxUnzippedBytes: 2000 * MiB, maxTextBytes: { json: 256 * MiB, xml: 64 * MiB }, maxFeatureChars: 64 * MiB });
  });
});

describe('opening an upload within the limits', () => {
  let dir: string;
  const limits = readLimits({ maxBytes: 10 * MiB, maxFeatures: 2 });
  const save = async (name: string, data: Buffer) => {
    const file = path.join(dir, name);
    await fs.writeFile(file, data);
    return file;
  };
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'limits-test-'));
    await fs.mkdir(path.join(dir, 'work'));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('a GeoJSON over the cap, uploaded as it is, is refused before it is read', async () => {
    const file = await save('大.geojson', bulkyGeoJson(point, 2 * MiB));
    await expect(openUpload(file, '大.geojson', path.join(dir, 'work'), limits)).rejects.toThrow('大.geojson 超过 1 MB');
  });

  it('a large GeoJSON copy beside the Shapefile in a zip stops inflating at the cap and does not get in the way', async () => {
    const shapefile = await unzipEntries(await routeShapefile([{ name: '线路', routes: [route] }]));
    const zip = await zipEntries(new Map([...shapefile, ['线路副本.geojson', bulkyGeoJson(point, 3 * MiB)]]));
    const upload = await openUpload(await save('线路.zip', zip), '线路.zip', path.join(dir, 'work'), limits);
    expect(upload).toMatchObject({ format: 'shapefile', layers: [{ name: '线路' }] });
    const inflated = await fs.readdir(path.join(dir, 'work'));
    expect(inflated.some((f) => f.endsWith('.geojson'))).toBe(false); // the partial copy is gone
  });
});

describe('counting KML and GPX features before a DOM is built', () => {
  it('counts the elements by their local name, skipping comments and CDATA', () => {
    const kml = '<kml><!-- <Placemark> --><Document><Placemark/><kml:Placemark id="2"><description><![CDATA[<Placemark>]]></description></kml:Placemark><PlacemarkX/></Document></kml>';
    expect(countElements(kml, new Set(['Placemark']), 10)).toBe(2);
  });

  it('stops at the first one past the limit', () => {
    expect(() => countElements('<gpx><trk/><rte/><trk/>', new Set(['trk', 'rte']), 2)).toThrow('要素数量超过 2 个的上限');
  });
});
