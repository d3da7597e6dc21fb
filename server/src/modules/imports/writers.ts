import { sql } from 'kysely';
import type { Tx } from '../../db/scoped.ts';
import type { ImportCounts, ImportWrite } from '../../platform/layers/declaration.ts';
import { TARGETS } from './targets.ts';
import type { ImportTarget } from './tables.ts';

/** What the final write needs besides the staged rows: the job they belong to, and the run's choices. */
export type WriteInput = Omit<ImportWrite, 'rows'> & { jobId: number };
export type WriteCounts = ImportCounts;

/**
 * Writes the accepted staged rows into the target layer, inside the caller's transaction, through
 * the write the owning module declares: layers with a natural key are upserted (re-importing
 * updates, never duplicates), the others replace the rows the same dataset brought before.
 */
export function writeLayer(tx: Tx, target: ImportTarget, { jobId, ...w }: WriteInput): Promise<WriteCounts> {
  const rows = sql`
    select s.row_number, s.region_code, s.geom, s.attrs from import_staging s
     where s.job_id = ${jobId} and s.reject_reason is null`;
  return TARGETS[target].write(tx, { ...w, rows });
}
