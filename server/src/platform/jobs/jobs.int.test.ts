import os from 'node:os';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/app.ts';
import { SHASHI, SHUIDONG } from '../../../test/personas.ts';
import { jobContext, systemContext, type Context } from '../context.ts';
import { AppError } from '../errors/app-error.ts';
import type { EndedJob, JobKind, RunningJob } from './kind.ts';
import type { RunnerOptions } from './runner.ts';
import { nextOccurrence, occurrenceKey } from './schedule.ts';
import { JobsService, type JobRequest } from './service.ts';

/**
 * The jobs service on the real database: runners of the tests' own kinds beside the app's own
 * (which knows only imports, so never claims these), with timings shortened from seconds to
 * tenths of a second.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const FAST: Omit<RunnerOptions, 'exclusive' | 'onError'> = {
  pollMs: 20,
  heartbeatMs: 100,
  staleSeconds: 1,
  sweepMs: 100,
  concurrency: 2,
  stopGraceMs: 5000,
  backoff: { baseSeconds: 0.1, maxSeconds: 0.4 },
};

const running: JobsService[] = [];
const errors: unknown[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
  errors.length = 0;
});

let kinds = 0;
/** A kind name of its own for each test, so no runner of another test claims its jobs. */
const kindName = (what: string) => `test.${what}-${++kinds}`;

function startService(registered: Array<JobKind<never>>, options: Partial<RunnerOptions> = {}): JobsService {
  const service = new JobsService(t.database, { ...FAST, ...options, onError: (error) => errors.push(error) });
  for (const kind of registered) service.register(kind);
  service.start();
  running.push(service);
  return service;
}

/** A clerk of 水东镇 queueing work: the job acts for them within their scope. */
const clerk: () => Context = () => jobContext(t.database.app, { accountId: null, name: '刘文（t-clerk）', roots: [SHUIDONG] });

async function queue(service: JobsService, request: Partial<JobRequest> & { kind: string }, as: Context = clerk()): Promise<number> {
  const id = await as.run((tx) => service.enqueue(as, tx, { regionCode: SHUIDONG, payload: {}, ...request }));
  if (id === undefined) throw new Error('not queued');
  return id;
}

const jobRow = (id: number) => t.system.run((tx) => tx.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow());

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const finished = (id: number) => until(() => jobRow(id), (j) => j.finished_at !== null);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a queued job', () => {
  it('runs once, acting for whoever queued it within their scope: audit rows name them, and other townships stay out of reach', async () => {
    const kind = kindName('acting');
    const seen: Array<{ attempt: number; outside: number }> = [];
    startService([
      {
        kind,
        run: async (job: RunningJob<never>) => {
          await job.ctx.run((tx) => sql`insert into persons (region_code, name) values (${SHUIDONG}, '任务甲')`.execute(tx));
          const outside = await job.ctx.run((tx) => tx.selectFrom('regions').select('code').where('code', '=', SHASHI).execute());
          seen.push({ attempt: job.attempt, outside: outside.length });
          return { made: 1 };
        },
      },
    ]);
    const job = await finished(await queue(running[0]!, { kind }));
    expect(job).toMatchObject({ state: 'succeeded', attempts: 1, result: { made: 1 }, created_by_name: '刘文（t-clerk）', actor_roots: [SHUIDONG], worker_id: null });
    expect(seen).toEqual([{ attempt: 1, outside: 0 }]);
    const audit = await t.system.run((tx) =>
      sql<{ actor_name: string }>`select a.actor_name from audit_log a where a.entity = 'persons' and a.after ->> 'name' = '任务甲'`.execute(tx),
    );
    expect(audit.rows).toEqual([{ actor_name: '刘文（t-clerk）' }]);
  });

  it('is seen by users of its region only', async () => {
    const kind = kindName('visible');
    const service = startService([{ kind, run: async () => undefined }]);
    const id = await queue(service, { kind, runAt: new Date(Date.now() + 60_000) });
    const visibleTo = (roots: string[]) => systemContext(t.database.app, roots).run((tx) => tx.selectFrom('jobs').select('id').where('id', '=', id).execute());
    expect(await visibleTo([SHUIDONG])).toHaveLength(1);
    expect(await visibleTo([SHASHI])).toEqual([]);
    await t.system.run((tx) => service.cancel(tx, id));
  });

  it('waits for its time when scheduled', async () => {
    const kind = kindName('scheduled');
    const ran: number[] = [];
    const service = startService([{ kind, run: async () => void ran.push(Date.now()) }]);
    const runAt = new Date(Date.now() + 600);
    const job = await finished(await queue(service, { kind, runAt }));
    expect(job.state).toBe('succeeded');
    expect(ran).toHaveLength(1);
    expect(ran[0]).toBeGreaterThanOrEqual(runAt.getTime());
  });

  it('shows its progress while it runs', async () => {
    const kind = kindName('progress');
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const service = startService([
      {
        kind,
        run: async (job: RunningJob<never>) => {
          await job.checkpoint({ done: 250, total: 1000 });
          await released;
        },
      },
    ]);
    const id = await queue(service, { kind, progress: { done: 0, total: 1000 } });
    const during = await until(() => jobRow(id), (j) => j.progress?.done === 250);
    expect(during).toMatchObject({ state: 'running', progress: { done: 250, total: 1000 }, worker_id: service.workerId });
    expect(service.workerId).toMatch(new RegExp(`^${os.hostname()}:${process.pid}:[0-9a-f]{8}$`));
    release();
    expect((await finished(id)).state).toBe('succeeded');
  });

  it('with a dedupe key is queued once', async () => {
    const kind = kindName('dedupe');
    const service = startService([{ kind, run: async () => undefined }]);
    const first = await queue(service, { kind, dedupeKey: `${kind}:1` });
    const again = await clerk().run((tx) => service.enqueue(clerk(), tx, { kind, regionCode: SHUIDONG, payload: {}, dedupeKey: `${kind}:1` }));
    expect(again).toBeUndefined();
    expect((await finished(first)).state).toBe('succeeded');
  });
});

describe('a failing job', () => {
  it('is retried with growing pauses until it succeeds', async () => {
    const kind = kindName('flaky');
    const starts: number[] = [];
    const service = startService([
      {
        kind,
        run: async () => {
          starts.push(Date.now());
          if (starts.length < 3) throw new Error('connection reset');
        },
      },
    ]);
    const job = await finished(await queue(service, { kind }));
    expect(job).toMatchObject({ state: 'succeeded', attempts: 3, error_code: null });
    // 0.1 s then 0.2 s, each ±20 %
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(80);
    expect(starts[2]! - starts[1]!).toBeGreaterThanOrEqual(160);
    expect(errors).toHaveLength(2); // logged: not the user's mistake
  });

  it('fails at its last attempt, without leaking what went wrong, and its kind cleans up', async () => {
    const kind = kindName('broken');
    const ended: Array<EndedJob<never>> = [];
    const service = startService([
      {
        kind,
        maxAttempts: 2,
        run: async () => {
          throw new Error('secret internals');
        },
        ended: async (_tx, job) => void ended.push(job),
      },
    ]);
    const id = await queue(service, { kind });
    const job = await finished(id);
    expect(job).toMatchObject({ state: 'failed', attempts: 2, error_code: 'internal', error_message: expect.stringContaining(`job-${id}`) });
    expect(job.error_message).not.toContain('secret');
    expect(ended).toMatchObject([{ id, state: 'failed', error: { code: 'internal' } }]);
  });

  it('fails at once on a user’s mistake, with the Chinese message', async () => {
    const kind = kindName('mistake');
    const service = startService([
      {
        kind,
        run: async () => {
          throw new AppError('invalid_value', { reason: '没有这个网格方案' });
        },
      },
    ]);
    const job = await finished(await queue(service, { kind }));
    expect(job).toMatchObject({ state: 'failed', attempts: 1, error_code: 'invalid_value', error_message: '取值无效：没有这个网格方案' });
    expect(errors).toEqual([]);
  });
});

describe('cancelling', () => {
  it('a queued job is cancelled at once, and its kind cleans up in the same transaction', async () => {
    const kind = kindName('cancel-queued');
    const ended: Array<EndedJob<never>> = [];
    const service = startService([{ kind, run: async () => undefined, ended: async (_tx, job) => void ended.push(job) }]);
    const id = await queue(service, { kind, runAt: new Date(Date.now() + 60_000) });
    expect(await clerk().run((tx) => service.cancel(tx, id))).toBe('cancelled');
    expect(await jobRow(id)).toMatchObject({ state: 'cancelled', cancel_requested: true, attempts: 0 });
    expect(ended).toMatchObject([{ id, state: 'cancelled', error: null }]);
    expect(await clerk().run((tx) => service.cancel(tx, id))).toBeUndefined();
  });

  it('a running job stops at its next checkpoint', async () => {
    const kind = kindName('cancel-running');
    let checkpoints = 0;
    const ended: Array<EndedJob<never>> = [];
    const service = startService([
      {
        kind,
        run: async (job: RunningJob<never>) => {
          for (;;) {
            await job.checkpoint({ done: ++checkpoints, total: null });
            await sleep(20);
          }
        },
        ended: async (_tx, job) => void ended.push(job),
      },
    ]);
    const id = await queue(service, { kind });
    await until(() => jobRow(id), (j) => j.state === 'running');
    expect(await clerk().run((tx) => service.cancel(tx, id))).toBe('running');
    const job = await finished(id);
    expect(job).toMatchObject({ state: 'cancelled', attempts: 1 });
    expect(ended).toMatchObject([{ id, state: 'cancelled' }]);
    const after = checkpoints;
    await sleep(100);
    expect(checkpoints).toBe(after);
  });
});

describe('servers', () => {
  it('two runners sharing the database never run the same job twice', async () => {
    const kind = kindName('shared');
    const runs = new Map<number, string[]>();
    const make = (): JobKind<never> => ({
      kind,
      run: async (job: RunningJob<never>) => {
        runs.set(job.id, [...(runs.get(job.id) ?? []), job.ctx.acting.name]);
        await sleep(5);
      },
    });
    const a = startService([make()], { concurrency: 3 });
    startService([make()], { concurrency: 3 });
    const ids = [];
    for (let i = 0; i < 30; i++) ids.push(await queue(a, { kind }));
    const jobs = await Promise.all(ids.map(finished));
    expect(jobs.every((j) => j.state === 'succeeded' && j.attempts === 1)).toBe(true);
    expect(jobs).toHaveLength(30);
    expect([...runs.keys()].sort((x, y) => x - y)).toEqual(ids);
    expect([...runs.values()].every((who) => who.length === 1)).toBe(true);
  });

  it('a job whose server fell silent is taken back and run again by another; once its attempts are spent it fails', async () => {
    const kind = kindName('silent');
    const ended: Array<EndedJob<never>> = [];
    const ran: number[] = [];
    const service = startService([{ kind, run: async (job: RunningJob<never>) => void ran.push(job.attempt), ended: async (_tx, job) => void ended.push(job) }]);
    const far = 'far-away-host:77:0badc0de'; // another host: judged by its heartbeat alone
    const left = async (attempts: number) => {
      const id = await queue(service, { kind, runAt: new Date(Date.now() + 60_000) });
      await t.system.run((tx) =>
        sql`update jobs set state = 'running', attempts = ${attempts}, worker_id = ${far}, heartbeat_at = now() - interval '5 seconds', started_at = now() where id = ${id}`.execute(tx),
      );
      return id;
    };
    const retried = await left(1);
    const spent = await left(3);
    expect(await finished(retried)).toMatchObject({ state: 'succeeded', attempts: 2 });
    expect(ran).toEqual([2]);
    expect(await finished(spent)).toMatchObject({ state: 'failed', attempts: 3, error_code: 'job_interrupted', error_message: '运行任务的服务停止或重启，任务未能完成；请重新发起' });
    expect(ended).toMatchObject([{ id: spent, state: 'failed' }]);
  });

  it('a job left running by a process of this host that is gone is taken back at once, not when its heartbeat goes stale', async () => {
    const kind = kindName('restart');
    const service = startService([{ kind, run: async () => undefined }], { staleSeconds: 3600 });
    const id = await queue(service, { kind, runAt: new Date(Date.now() + 60_000) });
    const gone = `${os.hostname()}:${2 ** 22 + 17}:0badc0de`; // above Linux's largest pid: no such process
    await t.system.run((tx) =>
      sql`update jobs set state = 'running', attempts = 1, worker_id = ${gone}, heartbeat_at = now(), started_at = now(), run_at = now() where id = ${id}`.execute(tx),
    );
    expect(await finished(id)).toMatchObject({ state: 'succeeded', attempts: 2 });
  });

  it('a stopping server queues its running jobs again without counting the attempt', async () => {
    const kind = kindName('stopping');
    const stopping = startService([
      {
        kind,
        run: async (job: RunningJob<never>) => {
          for (;;) {
            await job.checkpoint();
            await sleep(20);
          }
        },
      },
    ]);
    const id = await queue(stopping, { kind });
    await until(() => jobRow(id), (j) => j.state === 'running');
    await stopping.stop();
    expect(await jobRow(id)).toMatchObject({ state: 'queued', attempts: 0, worker_id: null });
    await t.system.run((tx) => stopping.cancel(tx, id));
  });
});

describe('recurring kinds', () => {
  it('queue their next occurrence, in China time, once however many servers run', async () => {
    const kind = kindName('monthly-sheet');
    const schedule = { every: 'month', day: 1, at: '06:00' } as const;
    const make = (): JobKind<never> => ({ kind, schedule, run: async () => undefined });
    startService([make()]);
    startService([make()]);
    await sleep(400);
    const at = nextOccurrence(schedule, new Date());
    const queued = await t.system.run((tx) => tx.selectFrom('jobs').select(['run_at', 'dedupe_key', 'state', 'created_by_name', 'region_code']).where('kind', '=', kind).execute());
    expect(queued).toEqual([{ run_at: at, dedupe_key: occurrenceKey(kind, at), state: 'queued', created_by_name: 'system', region_code: null }]);
    expect(queued[0]!.dedupe_key).toMatch(/-01T06:00\+08:00$/);
  });
});
