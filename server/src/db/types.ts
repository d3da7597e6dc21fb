import type { ColumnType, Generated } from 'kysely';

/** A timestamp column that the database fills in. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
export type UpdatedAt = ColumnType<Date, never, never>;
/** A geometry column: written and read only through PostGIS functions in raw `sql`. */
export type Geometry = ColumnType<unknown, unknown, unknown>;
/** A calendar day as 'YYYY-MM-DD'. */
export type DateString = string;
export type Id = Generated<number>;
