import type { Logger } from 'pino';

/**
 * The start-up's steps, each logged when it ends with its wall and CPU seconds (`startup` field:
 * bench:startup sums them), and progress messages inside a long one, so a first start that takes
 * half a minute never goes quiet. CPU time counts every thread of the process: wall time far above
 * it means the machine was busy with other work.
 */
export interface StartupSteps {
  /** Ends the step that began at the previous step's end (the first: at process start). */
  lap(step: string, done: string): void;
  /** Something happening inside the current step. */
  progress(message: string): void;
  /** Seconds since the process started. */
  elapsed(): number;
}

export function startupSteps(logger?: Logger): StartupSteps {
  let wall = 0; // performance.now() counts from process start
  let cpu = { user: 0, system: 0 };
  return {
    lap(step, done) {
      const now = performance.now();
      const used = process.cpuUsage(cpu);
      const seconds = (now - wall) / 1000;
      const cpuSeconds = (used.user + used.system) / 1e6;
      logger?.info({ startup: { step, seconds: round(seconds), cpuSeconds: round(cpuSeconds) } }, `Linzhang: ${done} (${seconds.toFixed(1)} s)`);
      wall = now;
      cpu = process.cpuUsage();
    },
    progress(message) {
      logger?.info(`Linzhang: ${message}`);
    },
    elapsed: () => performance.now() / 1000,
  };
}

const round = (seconds: number) => Math.round(seconds * 100) / 100;
