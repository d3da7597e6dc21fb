import { LayerRegistry } from '../platform/layers/registry.ts';
import { responsibilityAreasLayer } from './chiefs/layers.ts';
import { gridsLayer } from './grids/layers.ts';
import { referenceFeaturesLayer, subCompartmentsLayer } from './land/layers.ts';
import { regionsLayer } from './regions/layers.ts';
import { keyRoutesLayer, riskAreasLayer } from './risks/layers.ts';

/**
 * Every spatial layer, each declared once by the module that owns its table, in the map's
 * drawing order (bottom first). app.ts hands this registry to the modules (ModuleDeps.layers);
 * adding a layer is a declaration in its module, one line here and the migration of its table.
 */
export const LAYERS = new LayerRegistry([regionsLayer, responsibilityAreasLayer, subCompartmentsLayer, gridsLayer, riskAreasLayer, keyRoutesLayer, referenceFeaturesLayer]);
