import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('defaults to the embedded database under ./data and port 3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database.kind).toBe('pglite');
    expect(config.demo).toMatchObject({ password: 'linzhang-demo', seed: true });
  });

  it('switches to a PostgreSQL server with DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/linzhang' }).database).toEqual({ kind: 'postgres', url: 'postgres://u@db:5432/linzhang' });
  });

  it('refuses to start in production without a real SESSION_SECRET, saying what to set', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET must be set in production/);
    const config = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) });
    expect(config.production).toBe(true);
    expect(config.demo.seed).toBe(false); // no demo county in production
  });

  it('names every bad variable at once', () => {
    let message = '';
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', REGIONS: '3607' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/DATABASE_URL/);
    expect(message).toMatch(/REGIONS/);
  });

  it('sets the 天地图 base map from a key: streets and their place names, on eight hosts', () => {
    const { layers, attribution } = loadConfig({ TIANDITU_KEY: 'abc' }).basemap;
    expect(layers).toHaveLength(2);
    expect(layers[0]).toHaveLength(8);
    expect(layers[0]![3]).toMatch(/^https:\/\/t3\.tianditu\.gov\.cn\/vec_w\/wmts\?.*TILEMATRIX=\{z\}&TILEROW=\{y\}&TILECOL=\{x\}&tk=abc$/);
    expect(layers[1]![0]).toMatch(/cva_w.*LAYER=cva/);
    expect(attribution).toBe('天地图');
  });

  it('takes any XYZ base map, several layers and {s} hosts, or none', () => {
    expect(loadConfig({}).basemap.layers).toEqual([]);
    const { layers } = loadConfig({ BASEMAP_URL: 'https://{s}.tiles.example/{z}/{x}/{y}.png https://labels.example/{z}/{x}/{y}.png', BASEMAP_SUBDOMAINS: 'a,b' }).basemap;
    expect(layers).toEqual([['https://a.tiles.example/{z}/{x}/{y}.png', 'https://b.tiles.example/{z}/{x}/{y}.png'], ['https://labels.example/{z}/{x}/{y}.png']]);
  });

  it('logs short readable lines on a terminal in development, JSON lines in production or into a pipe, as LOG_FORMAT says', () => {
    expect(loadConfig({}, true).logFormat).toBe('pretty');
    expect(loadConfig({}, false).logFormat).toBe('json');
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) }, true).logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'json' }, true).logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'pretty' }, false).logFormat).toBe('pretty');
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
  });

  it('trusts no proxy, every proxy, or the listed addresses and ranges', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1,10.0.0.0/8,::1' }).trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8', '::1']);
    expect(() => loadConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
  });
});
