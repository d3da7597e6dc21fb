import type { Area } from '../../app/numbers.tsx';

/** The shapes of the grid API (server/src/modules/grids/schema.ts), named as in DOMAIN.md. */

/** draft 草稿 / active 启用 / archived 已归档 */
export type PlanStatus = 'draft' | 'active' | 'archived';

/** 网格方案: a region's grids for a year. */
export interface GridPlan {
  id: number;
  regionCode: string;
  regionName: string | null;
  year: number;
  name: string;
  status: PlanStatus;
  basedOnPlanId: number | null;
  note: string | null;
  /** Grids inside the caller's scope. */
  gridCount: number;
  area: Area;
  activatedAt: string | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PlanRef {
  id: number;
  name: string;
  year: number;
  status: PlanStatus;
}

/** The ranger post guarding a grid. */
export interface Ranger {
  postId: number;
  personId: number;
  name: string;
  regionCode: string;
  regionName: string;
  /** Whether the post is held today. */
  active: boolean;
}

export type KeyPeriodFrequency = 'daily' | 'weekly';
export type KeyPeriodTarget = 'key_risk_areas' | 'whole_grid';

/** 重点时段: a yearly period (MM-DD to MM-DD, may wrap the new year) with its patrol frequency. */
export interface KeyPeriod {
  name: string;
  from: string;
  to: string;
  frequency: KeyPeriodFrequency;
  target?: KeyPeriodTarget;
}

export interface PatrolRuleOverride {
  minDaysPerMonth?: number;
  minHoursPerPatrol?: number;
  keyPeriods?: KeyPeriod[];
}

/** 网格 */
export interface Grid {
  id: number;
  planId: number;
  planStatus: PlanStatus;
  regionCode: string;
  regionName: string;
  code: string;
  name: string;
  area: Area;
  ranger: Ranger | null;
  patrolRule: PatrolRuleOverride | null;
  note: string | null;
  updatedAt: string;
}

export interface RuleSource {
  kind: 'grid' | 'region' | 'default';
  ruleId: number | null;
  regionCode: string | null;
  regionName: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  /** The document the rule rests on, in its own words. */
  text: string;
}

export interface EffectiveRules {
  regionCode: string;
  on: string;
  minDaysPerMonth: { value: number; source: RuleSource };
  minHoursPerPatrol: { value: number; source: RuleSource };
  keyPeriods: { value: KeyPeriod[]; source: RuleSource };
  activeKeyPeriods: KeyPeriod[];
  /** The requirement in one Chinese sentence. */
  requirement: string;
}

export type RuleKey = 'patrol.min_days_per_month' | 'patrol.min_hours_per_patrol' | 'patrol.key_periods';

export interface RuleSetting {
  id: number;
  key: RuleKey;
  value: unknown;
  effectiveFrom: string;
  effectiveTo: string | null;
  source: string | null;
}

export interface RegionRules {
  effective: EffectiveRules;
  settings: RuleSetting[];
}

export interface RiskAreaRef {
  id: number;
  kind: string;
  kindName: string | null;
  name: string;
  geometryType: string;
}

export interface KeyRouteRef {
  id: number;
  name: string;
  lengthM: number;
  lengthInGridM: number;
}

export interface GridDetail extends Grid {
  geometry: Record<string, unknown>;
  plan: PlanRef;
  riskAreas: RiskAreaRef[];
  keyRoutes: KeyRouteRef[];
  patrolRules: EffectiveRules;
}

export interface GridRef {
  id: number;
  code: string;
  name: string;
  regionCode: string;
  area: Area;
  rangerName: string | null;
}

export interface RangerRef {
  postId: number;
  personId: number;
  name: string;
}

export type ProblemKind = 'overlap' | 'outside_region' | 'ranger_twice' | 'no_ranger' | 'ranger_inactive';

export interface PlanProblem {
  kind: ProblemKind;
  /** Blocks activation. */
  blocking: boolean;
  gridCodes: string[];
  area: Area | null;
  message: string;
}

export interface ChangedGrid {
  code: string;
  name: string;
  planGridId: number;
  activeGridId: number;
  geometryChanged: boolean;
  areaBefore: Area;
  areaAfter: Area;
  /** Area of the symmetric difference: the land that changed hands. */
  changedArea: Area;
  rangerChanged: boolean;
  rangerBefore: RangerRef | null;
  rangerAfter: RangerRef | null;
  nameChanged: boolean;
  regionChanged: boolean;
}

export interface PlanComparison {
  plan: GridPlan;
  active: GridPlan | null;
  totals: { plan: { gridCount: number; area: Area }; active: { gridCount: number; area: Area } };
  added: GridRef[];
  removed: GridRef[];
  changed: ChangedGrid[];
  unchangedCount: number;
  grids: GridRef[];
  problems: PlanProblem[];
  canActivate: boolean;
}

export interface Unassigned {
  plan: PlanRef;
  gridsWithoutRanger: GridRef[];
  rangersWithoutGrid: Ranger[];
}

/** A ranger the server accepts for a grid (server grids/schema.ts EligibleRanger). */
export interface EligibleRanger {
  postId: number;
  personId: number;
  name: string;
  regionCode: string;
  regionName: string;
  /** The grid of the same plan this ranger already guards, if any. */
  guards: { gridId: number; code: string; name: string; isThisGrid: boolean } | null;
}
