import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ModuleDeps } from '../../platform/module.ts';

/** Resource lists (资源清单) of regions and responsibility areas. */
export const resourcesRoutes: FastifyPluginAsyncTypebox<ModuleDeps> = async () => {};
