import os from 'node:os';
import type { Kysely } from 'kysely';
import { afterCommit, type Tx } from '../../db/scoped.ts';
import type { DB } from '../../db/tables.ts';
import { jobContext, systemContext, type Context } from '../context.ts';
import { AppError } from '../errors/app-error.ts';
import { JobCancelled, JobLost, JobStopping, type EndedJob, type JobKind, type RunningJob } from './kind.ts';
import { afterSilence, settle, type Backoff, type Outcome } from './outcome.ts';
import * as repo from './repository.ts';
import { nextOccurrence, occurrenceKey } from './schedule.ts';
import { newWorkerId, processAlive, provablyDead, type Here } from './workers.ts';

export interface RunnerOptions {
  /** How often to look for due jobs when nobody wakes the runner. */
  pollMs: number;
  /** How often a running job's worker shows it is alive. */
  heartbeatMs: number;
  /** A running job not heard from for this long is taken back by the next sweep. */
  staleSeconds: number;
  /** How often to sweep for jobs whose worker is gone, and queue the next occurrence of recurring kinds. */
  sweepMs: number;
  /** Jobs run at once by one server. */
  concurrency: number;
  /** How long stopping waits for running jobs to reach a checkpoint. */
  stopGraceMs: number;
  backoff: Backoff;
  /** The database is this process's alone (embedded): any other worker is certainly gone. */
  exclusive: boolean;
  onError: (error: unknown, jobId?: number) => void;
}

export const DEFAULT_RUNNER_OPTIONS = {
  pollMs: 1000,
  heartbeatMs: 10_000,
  staleSeconds: 60,
  sweepMs: 5_000,
  concurrency: 2,
  stopGraceMs: 10_000,
  backoff: { baseSeconds: 10, maxSeconds: 3600 },
} as const;

export const DEFAULT_MAX_ATTEMPTS = 3;

/** The runners alive in this process, so a sweep never takes back a job this process is running. */
const live = new Set<string>();

/**
 * One server's share of the work: claims due jobs of the kinds it knows (several servers may
 * share the database), runs them acting for their creators, keeps them alive by heartbeats,
 * takes back jobs whose worker is gone and queues recurring kinds once per occurrence.
 */
export class JobRunner {
  readonly workerId = newWorkerId();
  private readonly abort = new AbortController();
  private readonly active = new Map<number, Promise<void>>();
  private readonly system: Context;
  private readonly here: Here;
  private timer: NodeJS.Timeout | undefined;
  private beat: NodeJS.Timeout | undefined;
  private tick: Promise<void> | undefined;
  private wakeRequested = false;
  private started = false;
  private stopped = false;
  private lastSweep = 0;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly kinds: ReadonlyMap<string, JobKind<never>>,
    private readonly options: RunnerOptions,
  ) {
    this.system = systemContext(db);
    this.here = { host: os.hostname(), pid: process.pid, live, exclusive: options.exclusive, alive: processAlive };
  }

  start(): void {
    this.started = true;
    live.add(this.workerId);
    this.beat = setInterval(() => {
      if (this.active.size > 0) void this.system.run((tx) => repo.heartbeat(tx, this.workerId)).catch((error) => this.options.onError(error));
    }, this.options.heartbeatMs);
    this.beat.unref();
    // The first tick sweeps at once: jobs an earlier start of this server left running are taken back now.
    this.schedule(0);
  }

  /** A job was just queued or finished: look now instead of at the next poll (a runner not started only queues). */
  wake(): void {
    if (!this.started || this.stopped) return;
    if (this.tick) this.wakeRequested = true;
    else this.schedule(0);
  }

  /** Stops claiming and asks running jobs to stop at their next checkpoint (they are queued again); resolves when they have. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.beat);
    this.abort.abort();
    await this.tick;
    let grace: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled(this.active.values()), new Promise((resolve) => (grace = setTimeout(resolve, this.options.stopGraceMs)))]);
    clearTimeout(grace);
    live.delete(this.workerId);
  }

  private schedule(ms: number) {
    clearTimeout(this.timer);
    // unref: a waiting poll never keeps the process alive on its own.
    this.timer = setTimeout(() => {
      this.tick = this.runTick().finally(() => {
        this.tick = undefined;
        if (this.stopped) return;
        const again = this.wakeRequested;
        this.wakeRequested = false;
        this.schedule(again ? 0 : this.options.pollMs);
      });
    }, ms);
    this.timer.unref();
  }

  private async runTick(): Promise<void> {
    try {
      if (Date.now() - this.lastSweep >= this.options.sweepMs) {
        this.lastSweep = Date.now();
        await this.sweep();
        await this.queueOccurrences();
      }
      const kinds = [...this.kinds.keys()];
      while (!this.stopped && kinds.length > 0 && this.active.size < this.options.concurrency) {
        const row = await this.system.run((tx) => repo.claim(tx, this.workerId, kinds));
        if (!row) return;
        const run = this.execute(row)
          .catch((error) => this.options.onError(error, row.id))
          .finally(() => {
            this.active.delete(row.id);
            this.wake();
          });
        this.active.set(row.id, run);
      }
    } catch (error) {
      this.options.onError(error);
    }
  }

  /** Runs one claimed job acting for its creator, then records how the attempt ended. */
  private async execute(row: repo.JobRow): Promise<void> {
    const kind = this.kinds.get(row.kind)!;
    const ctx = jobContext(this.db, { accountId: row.created_by, name: row.created_by_name, roots: row.actor_roots ?? '*' });
    let completed = false;
    const hold = async (tx: Tx) => {
      const held = await repo.holdRunning(tx, row.id, this.workerId);
      if (!held) throw new JobLost();
      if (held.cancelRequested) throw new JobCancelled();
    };
    const job: RunningJob<never> = {
      id: row.id,
      kind: row.kind,
      regionCode: row.region_code,
      payload: row.payload as never,
      attempt: row.attempts,
      ctx,
      signal: this.abort.signal,
      checkpoint: async (progress) => {
        if (this.abort.signal.aborted) throw new JobStopping();
        const state = await ctx.run((tx) => repo.reportProgress(tx, row.id, this.workerId, progress));
        if (!state) throw new JobLost();
        if (state.cancelRequested) throw new JobCancelled();
      },
      hold,
      complete: async (tx, result) => {
        await hold(tx);
        if (!(await repo.endAttempt(tx, row.id, this.workerId, { state: 'succeeded', result }))) throw new JobLost();
        afterCommit(tx, () => (completed = true));
      },
    };
    let outcome: Outcome | { to: 'succeeded'; result: unknown };
    try {
      const result = await kind.run(job);
      if (completed) return;
      outcome = { to: 'succeeded', result };
    } catch (error) {
      outcome = settle(error, { id: row.id, attempts: row.attempts, maxAttempts: row.max_attempts }, this.options.backoff);
      if ((outcome.to === 'failed' || outcome.to === 'retry') && outcome.error.unexpected) this.options.onError(error, row.id);
    }
    await this.endAttempt(row, kind, ctx, outcome);
  }

  private async endAttempt(row: repo.JobRow, kind: JobKind<never>, ctx: Context, outcome: Outcome | { to: 'succeeded'; result: unknown }): Promise<void> {
    const error = 'error' in outcome ? outcome.error : null;
    const why = { errorCode: error?.code ?? null, errorMessage: error?.message ?? null };
    switch (outcome.to) {
      case 'lost':
        return;
      case 'succeeded':
        await ctx.run((tx) => repo.endAttempt(tx, row.id, this.workerId, { state: 'succeeded', result: outcome.result }));
        return;
      case 'requeued':
        await ctx.run((tx) => repo.endAttempt(tx, row.id, this.workerId, { state: 'queued', runAt: new Date(), countAttempt: false, ...why }));
        return;
      case 'retry':
        await ctx.run((tx) => repo.endAttempt(tx, row.id, this.workerId, { state: 'queued', runAt: new Date(Date.now() + outcome.afterMs), countAttempt: true, ...why }));
        return;
      case 'cancelled':
      case 'failed':
        await this.end(row, kind, outcome.to, why, ctx);
    }
  }

  /**
   * Ends a job for good without success and lets its kind clean up, as its creator. Should that
   * fail (a bug in the clean-up), the system ends it, with the clean-up and then without: a job
   * must never stay "running" under a live worker that has given up on it.
   */
  private async end(row: repo.JobRow, kind: JobKind<never>, state: 'failed' | 'cancelled', why: { errorCode: string | null; errorMessage: string | null }, ctx: Context): Promise<void> {
    const tries: Array<[Context, boolean]> = [
      [ctx, true],
      [this.system, true],
      [this.system, false],
    ];
    for (const [as, cleanUp] of tries) {
      try {
        await as.run(async (tx) => {
          const after = await repo.endAttempt(tx, row.id, this.workerId, { state, ...why });
          if (after && cleanUp) await kind.ended?.(tx, endedJob(after));
        });
        return;
      } catch (error) {
        this.options.onError(error, row.id);
      }
    }
  }

  /** Takes back running jobs whose worker fell silent or is certainly gone: queued again, or failed once their attempts are spent. */
  private async sweep(): Promise<void> {
    const running = await this.system.run((tx) => repo.runningJobs(tx, this.options.staleSeconds));
    for (const job of running) {
      if (job.silent || provablyDead(job.worker_id, this.here)) await this.takeBack(job.id, job.worker_id);
    }
  }

  private async takeBack(id: number, workerId: string): Promise<void> {
    await this.system.run(async (tx) => {
      const row = await repo.findJob(tx, id);
      // A kind this server does not know is left to the servers that run it.
      const kind = row && this.kinds.get(row.kind);
      if (!row || !kind) return;
      const outcome = afterSilence({ attempts: row.attempts, maxAttempts: row.max_attempts }, new AppError(kind.interrupted ?? 'job_interrupted'), this.options.backoff);
      if (outcome.to !== 'failed' && outcome.to !== 'retry') return;
      const why = { errorCode: outcome.error.code, errorMessage: outcome.error.message };
      const after = await repo.endAttempt(
        tx,
        id,
        workerId,
        outcome.to === 'failed' ? { state: 'failed', ...why } : { state: 'queued', runAt: new Date(Date.now() + outcome.afterMs), countAttempt: true, ...why },
      );
      if (after?.state === 'failed') await kind.ended?.(tx, endedJob(after));
    });
  }

  /** Queues the next occurrence of each recurring kind; every server tries, the dedupe key lets one succeed. */
  private async queueOccurrences(): Promise<void> {
    for (const kind of this.kinds.values()) {
      if (!kind.schedule) continue;
      const at = nextOccurrence(kind.schedule, new Date());
      const key = occurrenceKey(kind.kind, at);
      await this.system.run(async (tx) => {
        // Asked first so the insert's conflict (which would use up an id) is the rare race, not every sweep.
        if (await repo.dedupeKeyTaken(tx, key)) return;
        await repo.insertJob(tx, {
          kind: kind.kind,
          regionCode: null,
          createdBy: null,
          createdByName: this.system.acting.name,
          roots: null,
          payload: { occurrence: at.toISOString() },
          maxAttempts: kind.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
          runAt: at,
          dedupeKey: key,
          progress: null,
        });
      });
    }
  }
}

export function endedJob<P>(row: repo.JobRow): EndedJob<P> {
  return {
    id: row.id,
    kind: row.kind,
    regionCode: row.region_code,
    payload: row.payload as P,
    state: row.state as EndedJob<P>['state'],
    progress: row.progress,
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
  };
}
