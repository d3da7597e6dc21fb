import type { Area } from '../../app/numbers.tsx';

/** The resource list (资源清单) as the API gives it; every figure is defined in docs/resource-list.md. */

export interface Breakdown {
  code: string | null;
  name: string;
  area: Area;
  stockM3: number;
  subCompartments: number;
}

export interface GradeBreakdown extends Breakdown {
  /** 国家级 (the grade flagged `national`). */
  national: boolean;
}

export type ResourceSubjectKind = 'region' | 'responsibility_area';

export interface ResourceList {
  subject: {
    kind: ResourceSubjectKind;
    key: string;
    name: string;
    regionCode: string;
    regionName: string;
    /** The chief who answers for a responsibility area. */
    chief: string | null;
  };
  method: 'whole_sub_compartments' | 'clipped_to_area';
  totalLandArea: Area & { basis: 'region_boundary' | 'sub_compartments' | 'responsibility_area' };
  subCompartmentArea: Area;
  subCompartmentCount: number;
  forestLandArea: Area;
  forestArea: Area;
  forestCoveragePercent: number | null;
  stockVolumeM3: number;
  naturalForestArea: Area;
  publicWelfareForest: { total: Area; byGrade: GradeBreakdown[] };
  byDominantSpecies: Breakdown[];
  byAgeGroup: Breakdown[];
  computedAt: string;
  versions: Record<string, number>;
}

/** 责任区域 of a chief. */
export interface ResponsibilityArea {
  id: number;
  postId: number;
  regionCode: string;
  regionName: string;
  name: string;
  area: Area;
  chief: { personId: number; name: string; postType: string; postTypeName: string; title: string | null; active: boolean };
  dataset: string | null;
  updatedAt: string;
}

/** What a list is about: a region by code or a responsibility area by id. */
export type Subject = { kind: 'region'; code: string } | { kind: 'responsibility_area'; id: number };
