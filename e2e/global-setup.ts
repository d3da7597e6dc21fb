import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the real server under test listens, e.g. http://127.0.0.1:41234 */
    baseURL: string;
  }
}

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ARTIFACTS = path.join(REPO, 'e2e/artifacts');
const READY_TIMEOUT_MS = 180_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseURL: string, server: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited with code ${server.exitCode} before it was ready:\n${tail(log)}`);
    try {
      const res = await fetch(`${baseURL}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The server was not healthy after ${READY_TIMEOUT_MS / 1000} s:\n${tail(log)}`);
}

const tail = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').slice(-40).join('\n') : '(no log)');

/**
 * Builds the web app and the server bundle if stale, then starts the server as `npm start` does,
 * on a free port with a fresh embedded database (demo county seeded on first start), and stops it
 * after the run.
 */
export default async function setup(project: TestProject) {
  const build = spawnSync(process.execPath, ['scripts/build-if-stale.mjs'], { cwd: REPO, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('The build failed; see the output above.');

  // A fresh directory per run: two runs at once never share (or delete) each other's database.
  const DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'linzhang-e2e-'));
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const log = path.join(ARTIFACTS, 'server.log');
  const out = fs.openSync(log, 'w');

  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR,
    DEMO_SEED: 'auto',
    LOGIN_RATE_PER_MINUTE: '1000',
    LOG_LEVEL: 'warn',
  };
  if (!process.env.DATABASE_URL) delete env.DATABASE_URL;

  // Its own process group, so a stop reaches every process it started.
  const server = spawn(process.execPath, ['--enable-source-maps', 'server/dist/main.js'], { cwd: REPO, env, stdio: ['ignore', out, out], detached: true });
  const stop = async () => {
    if (server.exitCode !== null || server.pid === undefined) return;
    const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-server.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 10_000);
    await exited;
    clearTimeout(timer);
  };

  try {
    await waitForHealth(baseURL, server, log);
  } catch (error) {
    await stop();
    throw error;
  }
  project.provide('baseURL', baseURL);

  return async () => {
    await stop();
    fs.closeSync(out);
    fs.rmSync(DATA_DIR, { recursive: true, force: true });
  };
}
