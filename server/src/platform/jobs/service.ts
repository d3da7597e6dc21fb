import type { Database } from '../../db/database.ts';
import { afterCommit, type Tx } from '../../db/scoped.ts';
import type { Context } from '../context.ts';
import type { JobKind } from './kind.ts';
import * as repo from './repository.ts';
import { DEFAULT_MAX_ATTEMPTS, DEFAULT_RUNNER_OPTIONS, endedJob, JobRunner, type RunnerOptions } from './runner.ts';
import { checkSchedule } from './schedule.ts';
import type { JobProgress, JobState } from './tables.ts';

/** A job to queue. */
export interface JobRequest {
  kind: string;
  /** Whose job it is (users see the jobs of their regions); null for installation-wide work. */
  regionCode: string | null;
  payload: Record<string, unknown>;
  /** Not before (a scheduled job); now when left out. */
  runAt?: Date;
  /** At most one job per key, ever: a second request with it queues nothing. */
  dedupeKey?: string;
  /** What to show before the job starts. */
  progress?: JobProgress;
}

/**
 * The one jobs service: built once by app.ts, started when the app is ready and stopped when it
 * closes. Modules get it through ModuleDeps, register their kinds while their plugin registers,
 * and queue jobs inside their own transactions (so a job exists exactly when the change that asks
 * for it commits). See docs/architecture.md, "Background jobs".
 */
export class JobsService {
  private readonly kinds = new Map<string, JobKind<never>>();
  private readonly runner: JobRunner;

  constructor(database: Database, options: Partial<RunnerOptions> & Pick<RunnerOptions, 'onError'>) {
    this.runner = new JobRunner(database.app, this.kinds, { ...DEFAULT_RUNNER_OPTIONS, exclusive: database.kind === 'pglite', ...options });
  }

  /** The worker id of this server's runner (host:pid:random). */
  get workerId(): string {
    return this.runner.workerId;
  }

  register<P>(kind: JobKind<P>): void {
    if (this.kinds.has(kind.kind)) throw new Error(`job kind ${kind.kind} is registered twice`);
    if (kind.schedule) checkSchedule(kind.schedule);
    this.kinds.set(kind.kind, kind);
  }

  start(): void {
    this.runner.start();
  }

  stop(): Promise<void> {
    return this.runner.stop();
  }

  /**
   * Queues a job inside `tx`, a transaction of `ctx`: the job will act for `ctx`'s caller within
   * their present scope. Undefined when `dedupeKey` is taken.
   */
  async enqueue(ctx: Context, tx: Tx, request: JobRequest): Promise<number | undefined> {
    const kind = this.kinds.get(request.kind);
    if (!kind) throw new Error(`job kind ${request.kind} is not registered`);
    const id = await repo.insertJob(tx, {
      kind: request.kind,
      regionCode: request.regionCode,
      createdBy: ctx.acting.accountId,
      createdByName: ctx.acting.name,
      roots: ctx.roots === '*' ? null : ctx.roots,
      payload: request.payload,
      maxAttempts: kind.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      runAt: request.runAt ?? null,
      dedupeKey: request.dedupeKey ?? null,
      progress: request.progress ?? null,
    });
    if (id !== undefined) afterCommit(tx, () => this.runner.wake());
    return id;
  }

  /**
   * Cancels a job visible in `tx`: one still queued at once (its kind cleans up in this same
   * transaction), a running one at its next checkpoint. The state afterwards, or undefined when
   * the job had already ended.
   */
  async cancel(tx: Tx, id: number): Promise<JobState | undefined> {
    const after = await repo.requestCancel(tx, id);
    if (after?.state === 'cancelled') await this.kinds.get(after.kind)?.ended?.(tx, endedJob(after));
    return after?.state;
  }
}
