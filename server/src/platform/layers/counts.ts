/** Rows a write statement touched, as a number. */
export const affected = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0n);
