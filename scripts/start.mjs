#!/usr/bin/env node
// What `npm start` runs (with `exec`, so npm's shell is replaced and npm signals this process):
// builds what is stale, then runs the server in this same process. The process a supervisor
// starts and signals is therefore the server itself: SIGTERM and SIGINT reach its graceful stop
// (server/src/main.ts) and nothing is left behind on the port. A service may run
// `node scripts/start.mjs` directly, or `node server/dist/main.js` after `npm run build`.
import { buildIfStale } from './build-if-stale.mjs';

if (!buildIfStale()) process.exit(1);
// Stack traces name the TypeScript sources through the bundle's source map.
process.setSourceMapsEnabled(true);
await import('../server/dist/main.js');
