import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ModuleDeps } from '../../platform/module.ts';

/** Grid plans, grids and their rangers, key risk areas and routes, patrol rules. */
export const gridsRoutes: FastifyPluginAsyncTypebox<ModuleDeps> = async () => {};
