import type { Tx } from '../../db/scoped.ts';
import type { LayerDeclaration } from '../../platform/layers/declaration.ts';
import { featureQuery, type FeatureRow } from '../../platform/layers/sql.ts';

/** One feature of a layer by id, or undefined when it does not exist or lies outside the caller's scope. */
export async function findFeature(tx: Tx, layer: LayerDeclaration, id: number): Promise<FeatureRow | undefined> {
  const { rows } = await featureQuery(layer, id).execute(tx);
  return rows[0];
}
