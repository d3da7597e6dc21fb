#!/usr/bin/env node
// Builds the web app only when web/dist/index.html is missing or older than any of its inputs,
// so `npm start` and `npm run test:e2e` stay fast when nothing in the front end changed.
// Plain Node, no dependencies: it runs before anything else is known to work.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const output = path.join(repo, 'web/dist/index.html');
const inputs = ['web/src', 'web/public', 'web/index.html', 'web/vite.config.ts', 'package-lock.json'].map((p) => path.join(repo, p));

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

function staleReason() {
  if (!fs.existsSync(output)) return 'web/dist/index.html is missing';
  const built = fs.statSync(output).mtimeMs;
  for (const input of inputs) {
    if (newestMtime(input) > built) return `${path.relative(repo, input)} changed since the last build`;
  }
  return null;
}

const reason = staleReason();
if (!reason) {
  console.log('web: web/dist is up to date');
  process.exit(0);
}
console.log(`web: building (${reason})…`);
const result = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], { cwd: repo, stdio: 'inherit' });
if (result.error) {
  console.error(`web: could not run vite: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
