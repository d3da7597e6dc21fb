import { randomUUID } from 'node:crypto';
import os from 'node:os';

/**
 * A worker is one job runner in one server process. Its id says where it runs —
 * `host:pid:random` — so that a server can tell, without waiting for heartbeats to go stale,
 * that a job's worker is certainly gone.
 */
export function newWorkerId(): string {
  return `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

function parse(workerId: string): { host: string; pid: number } | undefined {
  const match = /^(.*):(\d+):[0-9a-f]{8}$/.exec(workerId);
  return match ? { host: match[1]!, pid: Number(match[2]) } : undefined;
}

/** What a server knows for certain about the workers around it. */
export interface Here {
  host: string;
  pid: number;
  /** The runners alive in this process. */
  live: ReadonlySet<string>;
  /** No other process can share the database (embedded PGlite holds its data directory alone). */
  exclusive: boolean;
  /** Whether a process of this host is running. */
  alive: (pid: number) => boolean;
}

/**
 * Whether the worker running a job is certainly dead, so the job can be taken back now rather
 * than a minute later when its heartbeat goes stale: a runner of this process that has stopped;
 * any other process at all when the database is embedded (only one process can open it, and it
 * is this one: the job was left by an earlier start); a process of this host that is not running.
 * A process on another host is only ever judged by its heartbeat.
 */
export function provablyDead(workerId: string, here: Here): boolean {
  const worker = parse(workerId);
  if (!worker) return here.exclusive;
  if (worker.host === here.host && worker.pid === here.pid) return !here.live.has(workerId);
  if (here.exclusive) return true;
  return worker.host === here.host && !here.alive(worker.pid);
}

/** process.kill(pid, 0) asks without signalling; EPERM means it runs under another user. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
