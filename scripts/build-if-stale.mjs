#!/usr/bin/env node
// Builds what `npm start` runs, each part only when its output is missing or older than any of
// its inputs, so starts and browser-test runs stay fast when nothing changed:
//   web     Vite → web/dist (the single-page app)
//   server  esbuild → server/dist/main.js (the server as one bundle, decision 010)
// Plain Node, no dependencies of its own: it runs before anything else is known to work.
// `npm run build [-- web|server]` runs it; scripts/start.mjs calls buildIfStale() before the server.
// Everything it and the build tools print goes to standard error, so a server's standard output
// holds only its log lines.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const TARGETS = {
  web: {
    output: 'web/dist/index.html',
    inputs: ['web/src', 'web/public', 'web/index.html', 'web/vite.config.ts', 'package-lock.json', 'scripts/build-if-stale.mjs'],
    command: ['vite', 'build', '--config', 'web/vite.config.ts'],
  },
  server: {
    output: 'server/dist/main.js',
    inputs: ['server/src', 'package-lock.json', 'scripts/build-if-stale.mjs'],
    // node_modules stay external (native addons, PGlite's wasm and data files load from their
    // packages); dynamic imports become chunks beside main.js (two levels below the root, as
    // server/src/paths.ts needs), so the demo generator still loads only on a first start.
    command: [
      'esbuild', 'server/src/main.ts', '--bundle', '--platform=node', '--format=esm', '--target=node20',
      '--packages=external', '--splitting', '--outdir=server/dist', '--chunk-names=[name]-[hash]',
      '--sourcemap', '--log-level=warning',
    ],
  },
};

/** Newest modification time (ms) of a file, or of every file below a directory; 0 when absent. */
function newestMtime(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file shows only as a newer directory
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function staleReason({ output, inputs }) {
  const out = path.join(repo, output);
  if (!fs.existsSync(out)) return `${output} is missing`;
  const built = fs.statSync(out).mtimeMs;
  for (const input of inputs) {
    if (newestMtime(path.join(repo, input)) > built) return `${input} changed since the last build`;
  }
  return null;
}

/** Builds each named part (all when none) that is stale; returns false when a build failed. */
export function buildIfStale(parts = Object.keys(TARGETS)) {
  for (const name of parts) {
    const target = TARGETS[name];
    if (!target) {
      console.error(`build: unknown part "${name}" (known: ${Object.keys(TARGETS).join(', ')})`);
      return false;
    }
    const reason = staleReason(target);
    if (!reason) continue;
    console.error(`${name}: building (${reason})…`);
    if (name === 'server') fs.rmSync(path.join(repo, 'server/dist'), { recursive: true, force: true });
    const result = spawnSync('npx', target.command, { cwd: repo, stdio: ['ignore', 2, 2] });
    if (result.error) {
      console.error(`${name}: could not run ${target.command[0]}: ${result.error.message}`);
      return false;
    }
    if (result.status !== 0) return false;
  }
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  if (!buildIfStale(process.argv.length > 2 ? process.argv.slice(2) : undefined)) process.exit(1);
}
