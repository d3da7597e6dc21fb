import type { Tx } from '../../db/scoped.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { isWithin, subtreePrefix } from '../../platform/scope/regions.ts';
import * as repo from './repository.ts';
import type { Settings } from './settings.ts';
import type { WriteArea } from './stage.ts';
import type { ImportTarget } from './tables.ts';
import { TARGETS } from './targets.ts';
import { CodeBook } from './values.ts';

/** What the chosen plan, post or layer name resolve to, checked against the caller's scope. */
export interface TargetContext {
  codes: CodeBook;
  /** Rows must be placed inside this region subtree. */
  area: WriteArea;
  post: { id: number; regionCode: string; defaultName: string } | null;
}

/**
 * Checks the target-specific choices in the importer's scope: the grid plan is a visible draft,
 * the post is a chief's post held today inside the import's region, the risk-area kind and the
 * value translations name real codes. Used when the choices are made and again when the job runs.
 */
export async function resolveTarget(tx: Tx, job: { target: ImportTarget; region_code: string }, settings: Settings): Promise<TargetContext> {
  const codes = new CodeBook(await repo.codeEntries(tx));
  const region = await repo.regionInfo(tx, job.region_code);
  if (!region) throw notFound('区划', job.region_code);
  let area: WriteArea = { prefix: subtreePrefix(job.region_code), name: region.name };
  let post: TargetContext['post'] = null;

  if (job.target === 'grids' && settings.planId !== null) {
    const plan = await repo.findPlan(tx, settings.planId);
    if (!plan) throw notFound('网格方案', settings.planId);
    if (plan.status !== 'draft') throw new AppError('state_conflict', { reason: `网格方案“${plan.name}”已${plan.status === 'active' ? '启用' : '归档'}，只能导入到草稿方案` });
    // Rows stay inside whichever of the two areas is smaller; unrelated areas cannot be combined.
    if (!isWithin(job.region_code, plan.region_code)) {
      if (!isWithin(plan.region_code, job.region_code)) throw new AppError('invalid_value', { reason: `网格方案“${plan.name}”不覆盖${region.name}` });
      const planRegion = await repo.regionInfo(tx, plan.region_code);
      area = { prefix: subtreePrefix(plan.region_code), name: planRegion?.name ?? plan.region_code };
    }
  }
  if (job.target === 'responsibility_areas' && settings.postId !== null) {
    const found = await repo.findChiefPost(tx, settings.postId);
    if (!found || found.category !== 'chief') throw notFound('在任的林长职务', settings.postId);
    if (!isWithin(found.region_code, job.region_code)) throw new AppError('invalid_value', { reason: `该林长职务在${found.region_name}，不在${region.name}范围内` });
    area = { prefix: subtreePrefix(found.region_code), name: found.region_name };
    post = { id: found.id, regionCode: found.region_code, defaultName: found.responsibility_area ?? `${found.region_name}${found.post_type_name}责任区域` };
  }
  if (job.target === 'risk_areas' && settings.kind !== null && !codes.has('risk_area_kind', settings.kind)) {
    throw new AppError('invalid_value', { reason: `重点区域类型“${settings.kind}”不在代码表中` });
  }
  for (const [field, values] of Object.entries(settings.valueMap)) {
    const kind = TARGETS[job.target].fields.find((f) => f.name === field)?.kind;
    const domain = kind?.type === 'code' ? kind.domain : field;
    for (const [from, code] of Object.entries(values)) {
      if (!codes.has(domain, code)) throw new AppError('invalid_value', { reason: `值对照中“${from}”对应的代码“${code}”不在${field}代码表中` });
    }
  }
  return { codes, area, post };
}
