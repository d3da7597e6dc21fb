import { AppError } from '../errors/app-error.ts';
import type { ErrorCode } from '../errors/catalogue.ts';
import { fromPostgresError } from '../errors/postgres.ts';
import { JobCancelled, JobLost, JobStopping } from './kind.ts';

/** How long to wait before retrying: 10 s, 20 s, 40 s … at most an hour, ±20 % so that jobs failed together do not retry together. */
export interface Backoff {
  baseSeconds: number;
  maxSeconds: number;
}
export const DEFAULT_BACKOFF: Backoff = { baseSeconds: 10, maxSeconds: 3600 };

export function backoffMs(attempt: number, backoff: Backoff = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const seconds = Math.min(backoff.maxSeconds, backoff.baseSeconds * 2 ** Math.max(0, attempt - 1));
  return Math.round(seconds * 1000 * (0.8 + 0.4 * random()));
}

/** What becomes of a job whose attempt ended by an exception. */
export type Outcome =
  | { to: 'cancelled' }
  /** Not ours any more: leave it alone. */
  | { to: 'lost' }
  /** The server is stopping: queue it again at once, the attempt not counted. */
  | { to: 'requeued' }
  | { to: 'retry'; afterMs: number; error: JobError }
  | { to: 'failed'; error: JobError };

export interface JobError {
  code: ErrorCode;
  message: string;
  /** Worth a line in the server log: not the user's mistake. */
  unexpected: boolean;
}

/**
 * A user's mistake (a 4xx catalogue error, or a constraint the database enforces) fails the job at
 * once: running it again would fail the same way. Anything else — a lost connection, a bug, a
 * service unavailable — is retried with back-off until the attempts are spent.
 */
export function settle(error: unknown, job: { id: number; attempts: number; maxAttempts: number }, backoff: Backoff = DEFAULT_BACKOFF, random?: () => number): Outcome {
  if (error instanceof JobCancelled) return { to: 'cancelled' };
  if (error instanceof JobLost) return { to: 'lost' };
  if (error instanceof JobStopping) return { to: 'requeued' };
  const known = error instanceof AppError ? error : fromPostgresError(error);
  if (known && known.status < 500) return { to: 'failed', error: { code: known.code, message: known.message, unexpected: false } };
  const cause = known ?? new AppError('internal', { requestId: `job-${job.id}` });
  const failure = { code: cause.code, message: cause.message, unexpected: true };
  if (job.attempts >= job.maxAttempts) return { to: 'failed', error: failure };
  return { to: 'retry', afterMs: backoffMs(job.attempts, backoff, random), error: failure };
}

/** What a job whose server fell silent becomes: queued again after a back-off, or failed once its attempts are spent. */
export function afterSilence(job: { attempts: number; maxAttempts: number }, interrupted: AppError, backoff: Backoff = DEFAULT_BACKOFF): Outcome {
  const error = { code: interrupted.code, message: interrupted.message, unexpected: false };
  return job.attempts >= job.maxAttempts ? { to: 'failed', error } : { to: 'retry', afterMs: backoffMs(job.attempts, backoff), error };
}
