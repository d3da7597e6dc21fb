import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ModuleDeps } from '../../platform/module.ts';

/** Code tables, sub-compartments and reference layers. */
export const landRoutes: FastifyPluginAsyncTypebox<ModuleDeps> = async () => {};
