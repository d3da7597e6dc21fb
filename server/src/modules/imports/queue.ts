import type { Kysely } from 'kysely';
import type { DB } from '../../db/tables.ts';
import { recordEvent } from '../../platform/audit/record.ts';
import { systemContext } from '../../platform/context.ts';
import { renderMessage } from '../../platform/errors/catalogue.ts';
import type { JobQueue } from '../../platform/jobs/runner.ts';
import * as repo from './repository.ts';

/**
 * The import queue over import_jobs. Claiming and sweeping are system work (every region: any
 * server may run any job); the job itself then runs in its importer's scope (worker.ts).
 */
export function importQueue(db: Kysely<DB>): JobQueue {
  const system = systemContext(db);
  return {
    claim: (workerId) => system.run((tx) => repo.claimJob(tx, workerId)),
    heartbeat: (workerId) => system.run((tx) => repo.heartbeat(tx, workerId)),
    sweep: (staleSeconds) =>
      system.run(async (tx) => {
        const failed = await repo.failSilentJobs(tx, staleSeconds, 'job_interrupted', renderMessage('job_interrupted'));
        for (const job of failed) {
          await recordEvent(tx, { action: 'import.fail', entity: 'import_jobs', entityId: job.id, regionCode: job.region_code, after: { errorCode: 'job_interrupted' } });
        }
      }),
  };
}
