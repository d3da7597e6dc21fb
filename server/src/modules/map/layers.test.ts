import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type RawBuilder } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ruleAt } from '../../platform/tiles/layer-spec.ts';
import { nativeTileQuery, preparedTileQuery } from '../../platform/tiles/tile-sql.ts';
import { tileAt } from '../../platform/tiles/tile-math.ts';
import { filterFor, MAP_LAYERS } from './layers.ts';

describe('the layer registry', () => {
  for (const { spec, attributes, name } of MAP_LAYERS) {
    it(`${spec.id} (${name}) is consistent`, () => {
      expect(spec.id).toMatch(/^[a-z_]+$/);
      const names = spec.attributes.map((a) => a.name);
      for (const n of names) expect(n).toMatch(/^[a-z_]+$/);
      expect(Object.keys(attributes).sort()).toEqual([...names].sort());
      const zooms = spec.zooms.map((r) => r.fromZoom);
      expect(zooms).toEqual([...zooms].sort((a, b) => a - b));
      expect(spec.maxZoom).toBeGreaterThanOrEqual(zooms.at(-1)!);
      for (const rule of spec.zooms) {
        for (const a of rule.attributes) expect(names).toContain(a);
        expect([256, 512, 1024, 2048, 4096]).toContain(rule.extent);
      }
      expect(spec.dependsOn.length).toBeGreaterThan(0);
    });
  }

  it('keeps a z10 sub-compartment tile small: merged per land class, 512 units, one attribute', () => {
    const sub = MAP_LAYERS.find((l) => l.spec.id === 'sub_compartments')!.spec;
    expect(ruleAt(sub, 10)).toMatchObject({ extent: 512, merge: true, attributes: ['land_class'] });
    expect(ruleAt(sub, 12)?.merge).toBeFalsy();
  });
});

/**
 * The SQL every tile compiles to, kept in queries/*.sql beside this file so reviewers see it and
 * a change to it shows in the diff (the test fails until the file is updated with `-u`).
 */
describe('the tile SQL', () => {
  const compiler = new Kysely<unknown>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  const show = (title: string, query: RawBuilder<unknown>) => {
    const { sql, parameters } = query.compile(compiler);
    return `-- ${title}\n-- parameters: ${JSON.stringify(parameters)}\n${sql.trim()}\n`;
  };

  for (const layer of MAP_LAYERS) {
    it(`of ${layer.spec.id}`, async () => {
      const parts: string[] = [];
      for (const rule of layer.spec.zooms) {
        const tile = tileAt(114.93, 25.85, rule.fromZoom);
        const filter = filterFor(layer, {});
        const where = `z${tile.z}/${tile.x}/${tile.y}`;
        parts.push(show(`${where}, PostgreSQL (ST_AsMVT)`, nativeTileQuery(layer.spec, rule, tile, filter)));
        parts.push(show(`${where}, embedded (tile-space rows for the Node encoder)`, preparedTileQuery(layer.spec, rule, tile, filter)));
      }
      await expect(parts.join('\n')).toMatchFileSnapshot(`./queries/${layer.spec.id}.sql`);
    });
  }
});
