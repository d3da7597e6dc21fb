import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ModuleDeps } from '../../platform/module.ts';

/** The one map: vector tiles of every layer, layer metadata, feature lookup and search. */
export const mapRoutes: FastifyPluginAsyncTypebox<ModuleDeps> = async () => {};
