import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as shapefile from 'shapefile';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { PRJ_CGCS2000, prjCgcs2000Gk3 } from './prj.ts';
import { writeShapefileZip } from './shapefile-writer.ts';

async function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const archive = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.fromBuffer(zip, { lazyEntries: true }, (e, z) => (e ? reject(e) : resolve(z))));
  await new Promise<void>((resolve, reject) => {
    archive.on('entry', (entry: yauzl.Entry) => {
      archive.openReadStream(entry, (e, stream) => {
        if (e) return reject(e);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          files.set(entry.fileName, Buffer.concat(chunks));
          archive.readEntry();
        });
      });
    });
    archive.on('end', resolve);
    archive.readEntry();
  });
  return files;
}

async function readBack(files: Map<string, Buffer>, name: string, encoding: string) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'shp-test-'));
  for (const [file, bytes] of files) await fs.writeFile(path.join(dir, file), bytes);
  const source = await shapefile.open(path.join(dir, `${name}.shp`), path.join(dir, `${name}.dbf`), { encoding });
  const features = [];
  for (let r = await source.read(); !r.done; r = await source.read()) features.push(r.value);
  await fs.rm(dir, { recursive: true });
  return features;
}

describe('shapefile writer', () => {
  const square = { type: 'Polygon' as const, coordinates: [[[114.9, 25.8], [114.91, 25.8], [114.91, 25.81], [114.9, 25.81], [114.9, 25.8]]] };

  it('writes polygons and Chinese attributes that a Shapefile reader reads back (UTF-8)', async () => {
    const zip = await writeShapefileZip([
      { name: 'xiaoban', kind: 'polygon', encoding: 'utf-8', prj: PRJ_CGCS2000, features: [{ geometry: square, properties: { XIAO_BAN: '001', DI_LEI: '乔木林地', MJ: 1.25 } }] },
    ]);
    const files = await unzip(zip);
    expect([...files.keys()].sort()).toEqual(['xiaoban.cpg', 'xiaoban.dbf', 'xiaoban.prj', 'xiaoban.shp', 'xiaoban.shx']);
    expect(files.get('xiaoban.cpg')!.toString()).toBe('UTF-8');
    const [feature] = await readBack(files, 'xiaoban', 'utf-8');
    expect(feature!.properties).toMatchObject({ XIAO_BAN: '001', DI_LEI: '乔木林地', MJ: 1.25 });
    expect(feature!.geometry.type).toBe('Polygon');
    expect((feature!.geometry as typeof square).coordinates[0]).toHaveLength(5);
  });

  it('writes GBK text when asked, as older desktop GIS files have it', async () => {
    const zip = await writeShapefileZip([
      { name: 'gbk', kind: 'point', encoding: 'gbk', prj: prjCgcs2000Gk3(114), features: [{ geometry: { type: 'Point', coordinates: [590000, 2855000] }, properties: { MC: '墓区' } }] },
    ]);
    const files = await unzip(zip);
    expect(files.get('gbk.dbf')!.includes(Buffer.from([0xc4, 0xb9, 0xc7, 0xf8]))).toBe(true); // 墓区 in GBK
    expect(files.get('gbk.prj')!.toString()).toContain('Central_Meridian",114.0');
    const [feature] = await readBack(files, 'gbk', 'gbk');
    expect(feature!.properties).toEqual({ MC: '墓区' });
    expect(feature!.geometry).toEqual({ type: 'Point', coordinates: [590000, 2855000] });
  });
});
