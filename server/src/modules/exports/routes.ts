import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ModuleDeps } from '../../platform/module.ts';

/** Exports of any layer as GeoJSON, zipped Shapefile or Excel. */
export const exportsRoutes: FastifyPluginAsyncTypebox<ModuleDeps> = async () => {};
