import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ModuleDeps } from '../../platform/module.ts';

/** Chiefs' responsibility areas. */
export const chiefsRoutes: FastifyPluginAsyncTypebox<ModuleDeps> = async () => {};
