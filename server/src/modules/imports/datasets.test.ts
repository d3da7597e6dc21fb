import { describe, expect, it } from 'vitest';
import { defaultDataset, originalFileName } from './datasets.ts';

describe('the file name before it was copied', () => {
  it('drops what browsers, file managers and chat tools add to a second copy', () => {
    for (const name of ['重点区域 (1).kml', '重点区域(2).kml', '重点区域（3）.kml', '重点区域 - 副本.kml', '重点区域 - 副本 (2).kml', '重点区域 - Copy (2).kml', '重点区域 副本 2.kml', '重点区域 copy.kml', '重点区域 (1) (1).kml']) {
      expect(originalFileName(name)).toBe('重点区域.kml');
    }
  });

  it('keeps names that only look a little like copies', () => {
    expect(originalFileName('2024年(第二批).kml')).toBe('2024年(第二批).kml');
    expect(originalFileName('网格-1.geojson')).toBe('网格-1.geojson');
    expect(originalFileName('(1).kml')).toBe('(1).kml');
    expect(originalFileName('线路')).toBe('线路');
  });
});

describe('the default dataset', () => {
  it('is the file name for a file whose one layer is named after it', () => {
    expect(defaultDataset('巡护线路.gpx', '巡护线路')).toBe('巡护线路.gpx');
    expect(defaultDataset('巡护线路 (1).gpx', '巡护线路 (1)')).toBe('巡护线路.gpx');
  });

  it('names the layer of a zip of several', () => {
    expect(defaultDataset('两层.zip', '东线')).toBe('两层.zip · 东线');
    expect(defaultDataset('两层 (3).zip', '东线')).toBe('两层.zip · 东线');
  });

  it('is what the same content got before, when it was imported before', () => {
    expect(defaultDataset('最终版.zip', '东线', { 东线: '巡护线路.zip · 东线', 西线: '巡护线路.zip · 西线' })).toBe('巡护线路.zip · 东线');
    expect(defaultDataset('最终版.zip', '北线', { 东线: '巡护线路.zip · 东线' })).toBe('最终版.zip · 北线');
  });

  it('fits the 100 characters a dataset may have, counting characters as PostgreSQL does', () => {
    const long = defaultDataset(`${'林'.repeat(120)}.zip`, `𠀀${'层'.repeat(60)}`);
    expect([...long]).toHaveLength(100);
    expect(long).toMatch(/^林+ · 𠀀层+$/u);
  });
});
