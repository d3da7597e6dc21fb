import type { Tx } from '../../db/scoped.ts';
import type { Context } from '../context.ts';
import type { ErrorCode } from '../errors/catalogue.ts';
import type { Schedule } from './schedule.ts';
import type { JobProgress, JobState } from './tables.ts';

/**
 * A kind of background job, registered by the module that owns it (`deps.jobs.register(…)`).
 * Delivery is at least once: a server may die after the work is done but before the job is marked
 * so, and another server then runs it again. Handlers are therefore idempotent — they clear what
 * an earlier attempt left, and make their effect and the job's end commit together (`complete`).
 */
export interface JobKind<P = Record<string, unknown>> {
  /** The jobs.kind value: the module's name for the work ('import', 'patrol.monthly-sheet'). */
  kind: string;
  run(job: RunningJob<P>): Promise<unknown>;
  /** Attempts before a job that keeps failing (or whose servers keep dying) is given up; default 3. */
  maxAttempts?: number;
  /** The error a job of this kind ends with when its servers fell silent on every attempt; default job_interrupted. */
  interrupted?: ErrorCode;
  /** Recurring: queued by the service once per occurrence (computed in China time), as the system. */
  schedule?: Schedule;
  /**
   * Called in the transaction that ends a job for good without success (failed on its last
   * attempt, cancelled, or given up because its servers fell silent): undo what attempts left
   * behind and record the domain event. Runs as the job's creator, or as the system for a job
   * given up by the sweep or cancelled by a user.
   */
  ended?(tx: Tx, job: EndedJob<P>): Promise<void>;
}

/** A claimed job as its handler sees it. */
export interface RunningJob<P> {
  readonly id: number;
  readonly kind: string;
  readonly regionCode: string | null;
  readonly payload: P;
  /** 1 on the first run, 2 on the first retry, … */
  readonly attempt: number;
  /** Acts for whoever queued the job, within the scope they had then (the system for scheduled jobs). */
  readonly ctx: Context;
  /** Fires when this server stops; the next checkpoint then ends the attempt and the job is queued again. */
  readonly signal: AbortSignal;
  /**
   * Records progress (shown to users) and that the job is alive; throws — ending the attempt —
   * when the job was cancelled, is no longer this worker's, or the server is stopping.
   */
  checkpoint(progress?: JobProgress): Promise<void>;
  /**
   * Inside a transaction of `ctx`: throws unless the job is still this worker's and not cancelled,
   * and keeps it so until the transaction ends. Writes after it cannot outlive a lost attempt.
   */
  hold(tx: Tx): Promise<void>;
  /** Inside the handler's last transaction: holds the job and marks it succeeded, committing with the work. */
  complete(tx: Tx, result?: unknown): Promise<void>;
}

/** A job that ended without success, as `ended` sees it. */
export interface EndedJob<P> {
  id: number;
  kind: string;
  regionCode: string | null;
  payload: P;
  state: Extract<JobState, 'failed' | 'cancelled'>;
  progress: JobProgress | null;
  error: { code: string; message: string } | null;
}

/** The job was cancelled: the attempt stops and the job ends as cancelled. */
export class JobCancelled extends Error {
  constructor() {
    super('job cancelled');
  }
}

/** The job is no longer this worker's (the sweep took it back): touch nothing more. */
export class JobLost extends Error {
  constructor() {
    super('job no longer held by this worker');
  }
}

/** This server is stopping: the attempt stops and the job is queued again without counting it. */
export class JobStopping extends Error {
  constructor() {
    super('server stopping');
  }
}
