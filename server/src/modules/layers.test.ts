import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type RawBuilder } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { LayerDeclaration } from '../platform/layers/declaration.ts';
import { LayerRegistry } from '../platform/layers/registry.ts';
import { exportFields } from '../platform/layers/sql.ts';
import { hasLabels, NO_FILTER, ruleAt } from '../platform/tiles/layer-spec.ts';
import { nativeTileQuery, preparedTileQuery } from '../platform/tiles/tile-sql.ts';
import { tileAt } from '../platform/tiles/tile-math.ts';
import { LAYERS } from './layers.ts';

describe('the layer registry', () => {
  for (const { declaration, spec } of LAYERS.map) {
    it(`${spec.id} (${declaration.title}) is consistent`, () => {
      expect(spec.id).toMatch(/^[a-z_]+$/);
      const names = spec.attributes.map((a) => a.name);
      for (const n of names) expect(declaration.attributes[n]?.label, n).toBeTruthy();
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
    const sub = LAYERS.mapLayer('sub_compartments')!.spec;
    expect(ruleAt(sub, 10)).toMatchObject({ extent: 512, merge: true, attributes: ['land_class'] });
    expect(ruleAt(sub, 12)?.merge).toBeFalsy();
  });

  it('names every exported attribute within the DBF limit of 10 ASCII characters, once per layer', () => {
    for (const layer of LAYERS.exportable) {
      const names = exportFields(layer).map((f) => f.name);
      for (const name of names) expect(name, `${layer.id}.${name}`).toMatch(/^[A-Z][A-Z0-9_]{0,9}$/);
      expect(new Set(names).size).toBe(names.length);
    }
    expect(exportFields(LAYERS.get('sub_compartments')!).map((f) => f.name)).toEqual(expect.arrayContaining(['XIAO_BAN', 'LIN_BAN', 'DI_LEI', 'YOU_SHI_SZ']));
  });

  it('knows where each code table is used, for the code-table upload’s in-use check', () => {
    expect(LAYERS.codeColumns('risk_area_kind')).toEqual([{ table: 'risk_areas', column: 'kind' }]);
    expect(LAYERS.codeColumns('land_class')).toEqual([{ table: 'sub_compartments', column: 'land_class' }]);
  });

  describe('refuses a declaration that', () => {
    const base = LAYERS.get('key_routes')!;
    const refused = (changes: Partial<LayerDeclaration>) => () => new LayerRegistry([{ ...base, ...changes }]);
    it('names an attribute it does not declare', () => {
      expect(refused({ details: { title: 'name', fields: ['colour'] } })).toThrow(/colour/);
    });
    it('exports a field whose name no DBF can hold', () => {
      expect(refused({ attributes: { ...base.attributes, name: { ...base.attributes.name!, exportAs: 'ROUTE_NAME_X' } } })).toThrow(/ROUTE_NAME_X/);
    });
    it('exports two fields under one name', () => {
      expect(refused({ attributes: { ...base.attributes, name: { ...base.attributes.name!, exportAs: 'ID' } } })).toThrow(/share a name/);
    });
  });
});

/**
 * The SQL every tile compiles to, kept in queries/tiles/*.sql beside this file so reviewers see it
 * and a change to it shows in the diff (the test fails until the file is updated with `-u`).
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

  for (const { declaration, spec } of LAYERS.map) {
    it(`of ${spec.id}`, async () => {
      const parts: string[] = [];
      for (const rule of spec.zooms) {
        const tile = tileAt(114.93, 25.85, rule.fromZoom);
        const filter = declaration.tiles!.filter?.({}) ?? NO_FILTER;
        const where = `z${tile.z}/${tile.x}/${tile.y}`;
        parts.push(show(`${where}, PostgreSQL (ST_AsMVT)`, nativeTileQuery(spec, rule, tile, filter)));
        parts.push(show(`${where}, embedded (tile-space rows for the Node encoder)`, preparedTileQuery(spec, rule, tile, filter)));
        if (!hasLabels(spec, rule, tile.z)) continue;
        parts.push(show(`${where}, label points, PostgreSQL (ST_AsMVT)`, nativeTileQuery(spec, rule, tile, filter, true)));
        parts.push(show(`${where}, label points, embedded`, preparedTileQuery(spec, rule, tile, filter, true)));
      }
      await expect(parts.join('\n')).toMatchFileSnapshot(`./queries/tiles/${spec.id}.sql`);
    });
  }
});
