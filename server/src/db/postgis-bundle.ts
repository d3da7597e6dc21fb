import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Extension } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { REPO_ROOT } from '../paths.ts';

/**
 * PostGIS for the embedded database, without the parts Linzhang never creates.
 *
 * pglite-postgis ships PostGIS, raster, topology and the tiger geocoder in one 19 MB bundle that
 * every open gunzips (95 MB) and whose three WebAssembly libraries (15–17 MB each) PGlite links at
 * every start, used or not. A copy with only `postgis-3.so`, its SQL scripts and PROJ's data
 * (for ST_Transform) opens in about half the CPU time (docs/performance.md). It is cut from the
 * installed package once and cached beside it; where that cannot be written, the full bundle is used.
 */
export function postgisCore(): Extension {
  return {
    name: 'postgis',
    setup: async (pg, emscriptenOpts) => ({ ...(await postgis.setup(pg, emscriptenOpts)), bundlePath: await coreBundle() }),
  };
}

/** The files kept: the extension's library, control file and install/upgrade scripts, and PROJ's database and grids. */
function kept(entry: string): boolean {
  const name = entry.replace(/^\.\//, '');
  return (
    name === 'lib/' ||
    name === 'lib/postgresql/' ||
    name === 'lib/postgresql/postgis-3.so' ||
    name.startsWith('share/proj') ||
    ['share/', 'share/postgresql/', 'share/postgresql/extension/', 'share/postgresql/extension/postgis.control'].includes(name) ||
    /^share\/postgresql\/extension\/postgis--(?!unpackaged)[^/]*\.sql$/.test(name)
  );
}

/** Bump when `kept` changes, so a cached copy cut by the old rule is not used. */
const CUT = 1;

let pending: Promise<URL> | undefined;

function coreBundle(): Promise<URL> {
  pending ??= cutBundle();
  return pending;
}

async function cutBundle(): Promise<URL> {
  // The package exports only its entry point (dist/index.*), which sits beside the bundle.
  const dist = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite-postgis'));
  const packageDir = path.dirname(dist);
  const full = path.join(dist, 'postgis.tar.gz');
  const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const cacheDir = path.join(REPO_ROOT, 'node_modules/.cache/linzhang');
  const core = path.join(cacheDir, `postgis-core-${version}-${fs.statSync(full).size}-${CUT}.tar.gz`);
  if (fs.existsSync(core)) return pathToFileURL(core);
  try {
    const tar = await import('tar'); // only when cutting, once per installed version
    fs.mkdirSync(cacheDir, { recursive: true });
    const work = fs.mkdtempSync(path.join(cacheDir, 'postgis-'));
    const part = `${work}.tar.gz`;
    try {
      await tar.x({ file: full, cwd: work, filter: kept });
      // Several processes may cut it at once (test workers): each writes its own file, the rename is atomic.
      await tar.c({ gzip: { level: 1 }, file: part, cwd: work, portable: true }, fs.readdirSync(work));
      fs.renameSync(part, core);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
      fs.rmSync(part, { force: true });
    }
    return pathToFileURL(core);
  } catch {
    return pathToFileURL(full);
  }
}
