import type { TileLayerSpec } from '../tiles/layer-spec.ts';
import type { LayerAttribute, LayerDeclaration } from './declaration.ts';

/** A layer with a tile declaration, and the spec the tile server renders it from. */
export interface MapLayer {
  declaration: LayerDeclaration;
  spec: TileLayerSpec;
}

/**
 * Every spatial layer of the installation, assembled once (modules/layers.ts) and handed to the
 * modules through ModuleDeps. Checks the declarations when built, so a layer that names an
 * attribute it lacks, or an export field that is no DBF name, stops the server at start.
 */
export class LayerRegistry {
  /** In drawing order, bottom first. */
  readonly all: readonly LayerDeclaration[];
  /** The layers the map draws, in drawing order. */
  readonly map: readonly MapLayer[];
  private readonly byId: Map<string, LayerDeclaration>;
  private readonly specs: Map<string, TileLayerSpec>;

  constructor(declarations: readonly LayerDeclaration[]) {
    for (const d of declarations) check(d);
    this.all = declarations;
    this.byId = new Map(declarations.map((d) => [d.id, d]));
    if (this.byId.size !== declarations.length) throw new Error('two layers share an id');
    this.map = declarations.flatMap((declaration) => (declaration.tiles ? [{ declaration, spec: tileSpecOf(declaration) }] : []));
    this.specs = new Map(this.map.map((l) => [l.declaration.id, l.spec]));
  }

  get(id: string): LayerDeclaration | undefined {
    return this.byId.get(id);
  }

  mapLayer(id: string): MapLayer | undefined {
    const spec = this.specs.get(id);
    return spec ? { declaration: this.byId.get(id)!, spec } : undefined;
  }

  /** Layers that can be exported. */
  get exportable(): LayerDeclaration[] {
    return this.all.filter((d) => d.export).sort(byListOrder);
  }

  /** Layers files can be imported into. */
  get importable(): LayerDeclaration[] {
    return this.all.filter((d) => d.import).sort(byListOrder);
  }

  /** Layers the map search asks, in rank order. */
  get searchable(): LayerDeclaration[] {
    return this.all.filter((d) => d.search).sort((a, b) => a.search!.rank - b.search!.rank);
  }

  /** Where values of a code table are stored: every table and column whose attribute names the domain. */
  codeColumns(domain: string): Array<{ table: string; column: string }> {
    const seen = new Set<string>();
    return this.all.flatMap((d) =>
      Object.values(d.attributes).flatMap((a) => {
        const key = `${d.table}.${a.column}`;
        if (a.codeDomain !== domain || !a.column || seen.has(key)) return [];
        seen.add(key);
        return [{ table: d.table, column: a.column }];
      }),
    );
  }
}

const byListOrder = (a: LayerDeclaration, b: LayerDeclaration) => a.listOrder - b.listOrder;

/** The tile server's view of a declaration. */
function tileSpecOf(d: LayerDeclaration): TileLayerSpec {
  const tiles = d.tiles!;
  return {
    id: d.id,
    from: `${d.table} f`,
    idSql: d.idSql,
    geomSql: 'f.geom',
    attributes: tiles.attributes.map((name) => ({ name, sql: d.attributes[name]!.sql, type: d.attributes[name]!.type })),
    zooms: tiles.zooms,
    maxZoom: tiles.maxZoom,
    buffer: tiles.buffer,
    dependsOn: tiles.dependsOn ?? [d.table],
    ...(tiles.label ? { label: { fromZoom: tiles.label.fromZoom } } : {}),
  };
}

const DBF_NAME = /^[A-Z][A-Z0-9_]{0,9}$/;

/** The field names an attribute exports as (one, or code and name). */
export function exportNames(a: LayerAttribute): string[] {
  if (!a.exportAs) return [];
  return typeof a.exportAs === 'string' ? [a.exportAs] : [a.exportAs.code, a.exportAs.name];
}

function check(d: LayerDeclaration): void {
  const fail = (what: string) => {
    throw new Error(`layer ${d.id}: ${what}`);
  };
  if (!/^[a-z_]+$/.test(d.id)) fail('the id must be snake_case');
  if (d.permissions.read !== 'map.read') fail('only map.read is checked when reading layers (the map routes)');
  const known = (name: string, purpose: string) => {
    if (!d.attributes[name]) fail(`${purpose} names the attribute ${name}, which it does not declare`);
  };
  for (const [name, a] of Object.entries(d.attributes)) {
    if (!/^[a-z_]+$/.test(name)) fail(`attribute ${name} must be snake_case`);
    if (a.column && a.sql !== `f.${a.column}`) fail(`attribute ${name} is column ${a.column} but reads ${a.sql}`);
    if (a.codeDomain && a.exportAs && typeof a.exportAs === 'string') fail(`coded attribute ${name} exports its code and its name`);
  }
  if (d.tiles) {
    d.tiles.attributes.forEach((n) => known(n, 'tiles'));
    for (const rule of d.tiles.zooms) rule.attributes.forEach((n) => tiles(n));
    if (d.tiles.label) tiles(d.tiles.label.attribute);
  }
  function tiles(name: string) {
    if (!d.tiles!.attributes.includes(name)) fail(`a tile band carries ${name}, which is not among the tile attributes`);
  }
  if (d.details) known(d.details.title, 'details title');
  d.details?.fields.forEach((n) => known(n, 'details'));
  d.details?.more?.forEach((n) => known(n, 'details'));
  if (d.export) {
    known(d.export.key, 'export key');
    const names = d.export.fields.flatMap((n) => {
      known(n, 'export');
      const names = exportNames(d.attributes[n]!);
      if (names.length === 0) fail(`exported attribute ${n} has no export name`);
      return names;
    });
    for (const name of names) if (!DBF_NAME.test(name)) fail(`export field ${name} is not a DBF name (≤ 10 ASCII characters)`);
    if (new Set(names).size !== names.length) fail('two export fields share a name');
  }
  if (d.import && !d.permissions.write) fail('an importable layer needs a write permission');
  for (const f of d.import?.fields ?? []) {
    known(f.attribute, 'import');
    const a = d.attributes[f.attribute]!;
    if (!a.column) fail(`imported attribute ${f.attribute} is not a stored column`);
    if (!a.codeDomain && !f.kind) fail(`imported attribute ${f.attribute} needs a kind`);
  }
}
