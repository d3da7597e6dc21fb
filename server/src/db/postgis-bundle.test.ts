import { fileURLToPath } from 'node:url';
import type { Extension } from '@electric-sql/pglite';
import * as tar from 'tar';
import { describe, expect, it } from 'vitest';
import { postgisCore } from './postgis-bundle.ts';

type SetupArgs = Parameters<Extension['setup']>;

describe('the PostGIS bundle the embedded database loads', () => {
  it('holds PostGIS and PROJ, without raster, topology and the tiger geocoder', async () => {
    const { bundlePath } = await postgisCore().setup({} as SetupArgs[0], { PGLITE_ENV: {} } as SetupArgs[1]);
    const names: string[] = [];
    await tar.t({ file: fileURLToPath(bundlePath!), onReadEntry: (entry) => void names.push(entry.path) });
    expect(names).toContain('lib/postgresql/postgis-3.so');
    expect(names).toContain('share/postgresql/extension/postgis.control');
    expect(names).toContain('share/postgresql/extension/postgis--3.6.2.sql');
    expect(names).toContain('share/proj/proj.db');
    expect(names.filter((n) => /raster|topology|tiger|unpackaged/.test(n))).toEqual([]);
  });
});
