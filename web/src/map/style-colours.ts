import type { ExpressionSpecification } from 'maplibre-gl';
import { attributeOf, type MapCatalogue, type MapLayerInfo } from './catalogue.ts';
import { colourOf, COLOURS, hashedColour, LAND_CLASS_COLOURS, RISK_KIND_COLOURS, SPECIES_COLOURS } from './palette.ts';

/** The data-driven colours of the one map, shared by the style and its legend so the two always agree. */

/** What sub-compartments are coloured by (图例切换). */
export type ColourScheme = 'land_class' | 'dominant_species';

const match = (property: string, pairs: Array<[string, string]>, fallback: string | ExpressionSpecification): ExpressionSpecification =>
  pairs.length === 0 ? (typeof fallback === 'string' ? ['literal', fallback] : fallback) : (['match', ['get', property], ...pairs.flat(), fallback] as unknown as ExpressionSpecification);

/** Codes of an attribute in the catalogue, each with its colour. */
export function codeColours(layer: MapLayerInfo | undefined, attribute: string, palette: Readonly<Record<string, string>>): Array<{ code: string; name: string; colour: string }> {
  return (attributeOf(layer, attribute)?.codes ?? []).map((c) => ({ ...c, colour: colourOf(palette, c.code) }));
}

const NO_CLASS = '#d9dcd3';

/**
 * Sub-compartment fill colour. Tiles carry the dominant species only from the zoom the catalogue
 * names (14), so the species scheme falls back to land class where the attribute is missing.
 */
export function subCompartmentColour(catalogue: MapCatalogue, scheme: ColourScheme): ExpressionSpecification {
  const layer = catalogue.layers.find((l) => l.id === 'sub_compartments');
  const landClass = match(
    'land_class',
    codeColours(layer, 'land_class', LAND_CLASS_COLOURS).map((c) => [c.code, c.colour]),
    NO_CLASS,
  );
  if (scheme === 'land_class') return landClass;
  return match(
    'dominant_species',
    codeColours(layer, 'dominant_species', SPECIES_COLOURS).map((c) => [c.code, c.colour]),
    landClass,
  );
}

export function riskKindColour(catalogue: MapCatalogue): ExpressionSpecification {
  const layer = catalogue.layers.find((l) => l.id === 'risk_areas');
  return match('kind', codeColours(layer, 'kind', RISK_KIND_COLOURS).map((c) => [c.code, c.colour]), RISK_KIND_COLOURS.other ?? '#6d7f8b');
}

/** Each reference layer (参考图层) with the colour it is drawn in. */
export function referenceLayerColours(catalogue: MapCatalogue): Array<{ id: number; name: string; colour: string }> {
  return catalogue.referenceLayers.map((r, i) => ({ id: r.id, name: r.name, colour: i === 0 ? COLOURS.reference : hashedColour(r.kind + r.id) }));
}

export function referenceColour(catalogue: MapCatalogue): ExpressionSpecification {
  const pairs = referenceLayerColours(catalogue);
  if (pairs.length === 0) return ['literal', COLOURS.reference];
  // layer_id is an integer in the tiles, so the labels are numbers.
  return ['match', ['get', 'layer_id'], ...pairs.flatMap((r) => [r.id, r.colour]), COLOURS.reference] as unknown as ExpressionSpecification;
}
