import { sql, type Selectable } from 'kysely';
import type { Tx } from '../../db/scoped.ts';
import type { JobProgress, JobState, JobTable } from './tables.ts';

export type JobRow = Selectable<JobTable>;

export interface NewJob {
  kind: string;
  regionCode: string | null;
  createdBy: number | null;
  createdByName: string;
  /** null: every region (the system). */
  roots: readonly string[] | null;
  payload: Record<string, unknown>;
  maxAttempts: number;
  runAt: Date | null;
  dedupeKey: string | null;
  progress: JobProgress | null;
}

/** Queues a job; undefined when a job with the same dedupe key exists already. */
export async function insertJob(tx: Tx, job: NewJob): Promise<number | undefined> {
  const row = await tx
    .insertInto('jobs')
    .values({
      kind: job.kind,
      region_code: job.regionCode,
      created_by: job.createdBy,
      created_by_name: job.createdByName,
      actor_roots: job.roots === null ? null : sql`${[...job.roots]}::text[]`,
      payload: JSON.stringify(job.payload),
      max_attempts: job.maxAttempts,
      run_at: sql<Date>`coalesce(${job.runAt}::timestamptz, now())`,
      dedupe_key: job.dedupeKey,
      progress: job.progress === null ? null : JSON.stringify(job.progress),
      worker_id: null,
      heartbeat_at: null,
      result: null,
      error_code: null,
      error_message: null,
      started_at: null,
      finished_at: null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function dedupeKeyTaken(tx: Tx, key: string): Promise<boolean> {
  return (await tx.selectFrom('jobs').select('id').where('dedupe_key', '=', key).executeTakeFirst()) !== undefined;
}

export async function findJob(tx: Tx, id: number): Promise<JobRow | undefined> {
  return tx.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Claims the queued job of one of `kinds` due first, for `workerId`. Several servers may ask at
 * once: SKIP LOCKED gives each a different job and never makes one wait for another's claim.
 */
export async function claim(tx: Tx, workerId: string, kinds: readonly string[]): Promise<JobRow | undefined> {
  const { rows } = await sql<JobRow>`
    update jobs
       set state = 'running', worker_id = ${workerId}, heartbeat_at = now(), started_at = now(), attempts = attempts + 1
     where id = (select id from jobs
                  where state = 'queued' and run_at <= now() and kind = any(${[...kinds]}::text[])
                  order by run_at, id limit 1 for update skip locked)
    returning *`.execute(tx);
  return rows[0];
}

/** Shows this worker alive for all its running jobs. */
export async function heartbeat(tx: Tx, workerId: string): Promise<void> {
  await tx.updateTable('jobs').set({ heartbeat_at: sql<Date>`now()` }).where('worker_id', '=', workerId).where('state', '=', 'running').execute();
}

/** Running jobs with their worker, and whether it has been silent for `staleSeconds`. */
export async function runningJobs(tx: Tx, staleSeconds: number): Promise<Array<{ id: number; worker_id: string; silent: boolean }>> {
  const { rows } = await sql<{ id: number; worker_id: string; silent: boolean }>`
    select id, worker_id, heartbeat_at < now() - make_interval(secs => ${staleSeconds}) as silent
      from jobs where state = 'running'`.execute(tx);
  return rows;
}

/**
 * Records progress as `workerId` and shows the job alive. Undefined: the job is no longer this
 * worker's; otherwise whether someone asked to cancel it.
 */
export async function reportProgress(tx: Tx, id: number, workerId: string, progress: JobProgress | undefined): Promise<{ cancelRequested: boolean } | undefined> {
  const row = await tx
    .updateTable('jobs')
    .set({ heartbeat_at: sql<Date>`now()`, ...(progress ? { progress: JSON.stringify(progress) } : {}) })
    .where('id', '=', id)
    .where('worker_id', '=', workerId)
    .where('state', '=', 'running')
    .returning('cancel_requested')
    .executeTakeFirst();
  return row && { cancelRequested: row.cancel_requested };
}

/**
 * Holds the job for the rest of the transaction if it is still `workerId`'s: FOR SHARE lets no
 * other transaction take it back (or cancel it) until this one ends.
 */
export async function holdRunning(tx: Tx, id: number, workerId: string): Promise<{ cancelRequested: boolean } | undefined> {
  const row = await tx
    .selectFrom('jobs')
    .select('cancel_requested')
    .where('id', '=', id)
    .where('worker_id', '=', workerId)
    .where('state', '=', 'running')
    .forShare()
    .executeTakeFirst();
  return row && { cancelRequested: row.cancel_requested };
}

/** How an attempt ends, as written: a final state, or queued again. */
export type Ending =
  | { state: 'succeeded'; result: unknown }
  | { state: 'failed' | 'cancelled'; errorCode: string | null; errorMessage: string | null }
  | { state: 'queued'; runAt: Date; countAttempt: boolean; errorCode: string | null; errorMessage: string | null };

/** Ends `workerId`'s attempt at a running job; the row afterwards, or undefined when it was not theirs any more. */
export async function endAttempt(tx: Tx, id: number, workerId: string, ending: Ending): Promise<JobRow | undefined> {
  const final = ending.state !== 'queued';
  return tx
    .updateTable('jobs')
    .set((eb) => ({
      state: ending.state,
      worker_id: null,
      heartbeat_at: null,
      finished_at: final ? sql<Date>`now()` : null,
      ...(ending.state === 'succeeded'
        ? { result: ending.result === undefined ? null : JSON.stringify(ending.result), error_code: null, error_message: null }
        : { error_code: ending.errorCode, error_message: ending.errorMessage }),
      ...(ending.state === 'queued' ? { run_at: ending.runAt, ...(ending.countAttempt ? {} : { attempts: eb('attempts', '-', 1) }) } : {}),
    }))
    .where('id', '=', id)
    .where('worker_id', '=', workerId)
    .where('state', '=', 'running')
    .returningAll()
    .executeTakeFirst();
}

/**
 * Cancels at once a job that waits in the queue; asks a running one to stop at its next
 * checkpoint. The row afterwards, or undefined when the job had already ended (or is not visible).
 */
export async function requestCancel(tx: Tx, id: number): Promise<JobRow | undefined> {
  return tx
    .updateTable('jobs')
    .set({
      cancel_requested: true,
      state: sql<JobState>`case when state = 'queued' then 'cancelled' else state end`,
      finished_at: sql<Date>`case when state = 'queued' then now() else finished_at end`,
    })
    .where('id', '=', id)
    .where('state', 'in', ['queued', 'running'])
    .returningAll()
    .executeTakeFirst();
}
