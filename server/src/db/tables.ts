import type { ChiefTables } from '../modules/chiefs/tables.ts';
import type { GridTables } from '../modules/grids/tables.ts';
import type { ImportTables } from '../modules/imports/tables.ts';
import type { LandTables } from '../modules/land/tables.ts';
import type { PatrolRuleTables } from '../modules/patrol-rules/tables.ts';
import type { PeopleTables } from '../modules/people/tables.ts';
import type { PlanTables } from '../modules/plans/tables.ts';
import type { RegionTables } from '../modules/regions/tables.ts';
import type { ResourceTables } from '../modules/resources/tables.ts';
import type { RiskTables } from '../modules/risks/tables.ts';
import type { AuditTables } from '../platform/audit/tables.ts';
import type { AuthTables } from '../platform/auth/tables.ts';
import type { JobTables } from '../platform/jobs/tables.ts';
import type { TileTables } from '../platform/tiles/tables.ts';

/**
 * Every table the application reads or writes; each module declares its own in `tables.ts`.
 * The one place db/ imports modules (type-only, their tables.ts): Kysely needs the whole schema
 * as one type, and the modules sit above db/ (docs/architecture.md).
 */
export interface DB
  extends AuditTables,
    AuthTables,
    JobTables,
    TileTables,
    RegionTables,
    PeopleTables,
    LandTables,
    ChiefTables,
    PlanTables,
    GridTables,
    RiskTables,
    PatrolRuleTables,
    ImportTables,
    ResourceTables {}
