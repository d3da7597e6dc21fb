import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { JobCancelled, JobLost, JobStopping } from './kind.ts';
import { afterSilence, backoffMs, settle } from './outcome.ts';

const job = (attempts: number) => ({ id: 7, attempts, maxAttempts: 3 });
const middle = () => 0.5;

describe('retries back off exponentially', () => {
  it('doubles from 10 s up to an hour', () => {
    expect([1, 2, 3, 4].map((a) => backoffMs(a, undefined, middle))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(backoffMs(20, undefined, middle)).toBe(3_600_000);
  });

  it('spreads jobs that failed together by ±20 %', () => {
    expect(backoffMs(1, undefined, () => 0)).toBe(8_000);
    expect(backoffMs(1, undefined, () => 1)).toBe(12_000);
  });
});

describe('what becomes of an attempt that ended by an exception', () => {
  it('a cancelled job ends cancelled; a lost one is left alone; a stopping server queues it again', () => {
    expect(settle(new JobCancelled(), job(1))).toEqual({ to: 'cancelled' });
    expect(settle(new JobLost(), job(1))).toEqual({ to: 'lost' });
    expect(settle(new JobStopping(), job(3))).toEqual({ to: 'requeued' });
  });

  it('a user’s mistake fails at once, with the catalogue’s Chinese message', () => {
    const outcome = settle(new AppError('too_many_features', { limit: 2 }), job(1));
    expect(outcome).toEqual({ to: 'failed', error: { code: 'too_many_features', message: '要素数量超过 2 个的上限', unexpected: false } });
  });

  it('anything else is retried until the attempts are spent, then fails without leaking what went wrong', () => {
    expect(settle(new Error('connection reset'), job(1), undefined, middle)).toMatchObject({ to: 'retry', afterMs: 10_000, error: { code: 'internal' } });
    expect(settle(new AppError('unavailable', { reason: '维护中' }), job(2), undefined, middle)).toMatchObject({ to: 'retry', afterMs: 20_000, error: { code: 'unavailable' } });
    const last = settle(new Error('connection reset'), job(3));
    expect(last).toEqual({ to: 'failed', error: { code: 'internal', message: expect.stringContaining('job-7'), unexpected: true } });
    expect(JSON.stringify(last)).not.toContain('connection reset');
  });

  it('a job whose server fell silent is queued again, or fails once its attempts are spent', () => {
    const interrupted = new AppError('job_interrupted');
    expect(afterSilence(job(1), interrupted)).toMatchObject({ to: 'retry', error: { code: 'job_interrupted' } });
    expect(afterSilence(job(3), interrupted)).toMatchObject({ to: 'failed', error: { code: 'job_interrupted' } });
  });
});
