import { randomUUID } from 'node:crypto';

/**
 * Background jobs inside the server process: a queue in a database table, claimed one job at a
 * time by whichever server process asks first (several may share a database). A running job's
 * process shows it is alive by a heartbeat; a job whose process fell silent (stopped, crashed,
 * restarted) is marked failed by the next process that sweeps, so nothing stays "running" for ever.
 */
export interface JobQueue {
  /** Claims the oldest queued job for `workerId` (atomically, so two processes never share one). */
  claim(workerId: string): Promise<number | undefined>;
  /** Marks this worker's running jobs as alive. */
  heartbeat(workerId: string): Promise<void>;
  /** Fails running jobs whose worker has been silent longer than `staleSeconds`. */
  sweep(staleSeconds: number): Promise<void>;
}

/** What the work function is told: who runs it, and a signal that fires when the server stops. */
export interface JobControl {
  workerId: string;
  signal: AbortSignal;
}

export interface RunnerOptions {
  pollMs: number;
  heartbeatMs: number;
  staleSeconds: number;
  onError: (error: unknown) => void;
}

export const DEFAULT_RUNNER_OPTIONS = { pollMs: 1000, heartbeatMs: 10_000, staleSeconds: 60 } as const;

export class JobRunner {
  readonly workerId = randomUUID();
  private readonly abort = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private tick: Promise<void> | undefined;
  private wakeRequested = false;
  private stopped = false;

  constructor(
    private readonly queue: JobQueue,
    private readonly work: (jobId: number, control: JobControl) => Promise<void>,
    private readonly options: RunnerOptions,
  ) {}

  start(): void {
    this.schedule(0);
  }

  /** A job was just queued: look now instead of at the next poll. */
  wake(): void {
    if (this.stopped) return;
    if (this.tick) this.wakeRequested = true;
    else this.schedule(0);
  }

  /** Stops polling and asks the running job to stop at its next checkpoint; resolves when it has. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.abort.abort();
    await this.tick;
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
      await this.queue.sweep(this.options.staleSeconds);
      while (!this.stopped) {
        const id = await this.queue.claim(this.workerId);
        if (id === undefined) return;
        await this.runOne(id);
      }
    } catch (error) {
      this.options.onError(error);
    }
  }

  private async runOne(id: number): Promise<void> {
    const beat = setInterval(() => void this.queue.heartbeat(this.workerId).catch(this.options.onError), this.options.heartbeatMs);
    beat.unref();
    try {
      await this.work(id, { workerId: this.workerId, signal: this.abort.signal });
    } catch (error) {
      this.options.onError(error);
    } finally {
      clearInterval(beat);
    }
  }
}
