import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { REPO_ROOT } from './paths.ts';
import { adminQuery, pgliteTemplatePath, withDatabase } from '../test/template.ts';

/**
 * `npm start`, exactly as the README runs it, under a supervisor that stops it with SIGTERM
 * (systemd, Docker, a CI runner): the signal must reach the server, which closes HTTP, the job
 * runner and the database, and leaves nothing on the port.
 */
describe('npm start under a supervisor', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linzhang-start-'));
  const env: Record<string, string> = {};
  let dropDatabase = async () => {};

  beforeAll(async () => {
    // A copy of the seeded test template, so the start is a later start (no demo generation).
    const url = process.env.DATABASE_URL;
    if (url) {
      const name = `linzhang_start_${process.pid}_${randomBytes(4).toString('hex')}`;
      await adminQuery(url, `create database ${name} template ${inject('postgresTemplate')}`);
      env.DATABASE_URL = withDatabase(url, name);
      dropDatabase = () => adminQuery(url, `drop database if exists ${name} with (force)`);
    } else {
      const template = new Blob([fs.readFileSync(pgliteTemplatePath(inject('templateKey')))]);
      const copy = await PGlite.create({ dataDir: path.join(dataDir, 'pglite'), loadDataDir: template, extensions: { postgis } });
      await copy.close();
    }
  });

  afterAll(async () => {
    await dropDatabase();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('passes SIGTERM to the server, which stops gracefully and frees the port; its standard output is JSON lines', async () => {
    const port = await freePort();
    const { DATABASE_URL: _inherited, ...inherited } = process.env;
    const npm = spawn('npm', ['start'], {
      cwd: REPO_ROOT,
      env: { ...inherited, ...env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_FORMAT: 'json', LOG_LEVEL: 'info', DEMO_LAND_SCALE: '0.15' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = collectLines(npm);
    let serverPid: number | undefined;
    try {
      const ready = await output.waitFor((line) => line.includes('"ready"'), 150_000);
      serverPid = (JSON.parse(ready) as { pid: number }).pid;
      expect(await portOpen(port)).toBe(true);

      npm.kill('SIGTERM');
      await exited(npm, 20_000);
      expect(await eventually(async () => !alive(serverPid!) && !(await portOpen(port)), 5_000)).toBe(true);
      expect(output.lines.some((l) => l.includes('SIGTERM received, stopping'))).toBe(true);
      // npm prints its own "> linzhang@… start" header; every line the server and the build print is JSON.
      const ours = output.lines.filter((l) => l !== '' && !l.startsWith('> '));
      for (const line of ours) expect(() => JSON.parse(line) as unknown, line).not.toThrow();
    } finally {
      if (serverPid !== undefined && alive(serverPid)) process.kill(serverPid, 'SIGKILL');
      if (npm.exitCode === null) npm.kill('SIGKILL');
    }
  });
});

function collectLines(child: ChildProcess) {
  const lines: string[] = [];
  const waiters: { test: (line: string) => boolean; resolve: (line: string) => void }[] = [];
  let pending = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      for (const w of waiters.filter((x) => x.test(line))) w.resolve(line);
    }
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return {
    lines,
    waitFor(test: (line: string) => boolean, ms: number): Promise<string> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`not ready within ${ms} ms; output:\n${lines.join('\n')}\n${stderr}`)), ms);
        child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${lines.join('\n')}\n${stderr}`)));
        waiters.push({ test, resolve: (line) => (clearTimeout(timer), resolve(line)) });
      });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function exited(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm did not exit within ${ms} ms of SIGTERM`)), ms);
    child.once('exit', () => (clearTimeout(timer), resolve()));
  });
}

async function eventually(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}
