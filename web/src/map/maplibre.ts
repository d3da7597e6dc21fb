import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

/**
 * MapLibre, ready to use. Only modules of the map chunk import this file, so the ~1 MB library
 * and its worker load with the first map page and never with the rest of the app.
 *
 * Bundled, MapLibre cannot find its worker next to itself (the chunk has a hashed name), so the
 * worker file is emitted as an asset and named here.
 */
maplibregl.setWorkerUrl(workerUrl);

export { maplibregl };
