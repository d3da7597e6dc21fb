import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ModuleDeps } from '../../platform/module.ts';

/** Imports of GIS files as background jobs: upload, inspect, map columns, run, report. */
export const importsRoutes: FastifyPluginAsyncTypebox<ModuleDeps> = async () => {};
