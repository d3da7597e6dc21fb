import type { ApiAnswer, Item } from '../../app/api-types.ts';

/** The resource list (资源清单) as the API gives it; every figure is defined in docs/resource-list.md. */
export type ResourceList = ApiAnswer<'/api/resource-lists/region/{code}'>;

/** One row of a breakdown by dominant species, age group or public-welfare grade. */
export type Breakdown = Item<ResourceList['byDominantSpecies']>;

/** 责任区域 of a chief. */
export type ResponsibilityArea = Item<ApiAnswer<'/api/responsibility-areas'>>;

/** What a list is about: a region by code or a responsibility area by id. */
export type Subject = { kind: 'region'; code: string } | { kind: 'responsibility_area'; id: number };
