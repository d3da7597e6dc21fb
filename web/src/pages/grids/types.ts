import type { ApiAnswer, ApiBody, Item } from '../../app/api-types.ts';

/** The shapes of the grid API, read from the generated API types and named as in the glossary. */

/** 网格方案: a region's grids for a year. */
export type GridPlan = ApiAnswer<'/api/grid-plans/{id}'>;

/** draft 草稿 / active 启用 / archived 已归档 */
export type PlanStatus = GridPlan['status'];

/** 网格 */
export type Grid = Item<ApiAnswer<'/api/grid-plans/{id}/grids'>['items']>;

/** The ranger post guarding a grid. */
export type Ranger = NonNullable<Grid['ranger']>;

export type GridDetail = ApiAnswer<'/api/grids/{id}'>;
export type RiskAreaRef = Item<GridDetail['riskAreas']>;
export type KeyRouteRef = Item<GridDetail['keyRoutes']>;

/** Patrol rules: what applies to a region on a day, and the settings it comes from. */
export type RegionRules = ApiAnswer<'/api/patrol-rules/{regionCode}'>;
export type EffectiveRules = RegionRules['effective'];
export type RuleSource = EffectiveRules['minDaysPerMonth']['source'];
export type RuleSetting = Item<RegionRules['settings']>;
/** What PUT /api/patrol-rules/:regionCode accepts. */
export type RuleInput = ApiBody<'/api/patrol-rules/{regionCode}', 'put'>;
export type RuleKey = RuleInput['key'];

/** 重点时段: a yearly period (MM-DD to MM-DD, may wrap the new year) with its patrol frequency. */
export type KeyPeriod = Item<EffectiveRules['keyPeriods']['value']>;

export type PlanComparison = ApiAnswer<'/api/grid-plans/{id}/compare'>;
export type GridRef = Item<PlanComparison['grids']>;
export type ChangedGrid = Item<PlanComparison['changed']>;
export type RangerRef = NonNullable<ChangedGrid['rangerBefore']>;
export type PlanProblem = Item<PlanComparison['problems']>;

export type Unassigned = ApiAnswer<'/api/grid-plans/{id}/unassigned'>;

/** A ranger the server accepts for a grid. */
export type EligibleRanger = Item<ApiAnswer<'/api/grids/{id}/eligible-rangers'>>;
