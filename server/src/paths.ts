import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root. This file sits two levels below it, and so does the bundle `npm start`
 * runs (server/dist/main.js, decision 010), so the same line holds from the sources and from the
 * bundle: every file the server reads at run time is found from here.
 */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
