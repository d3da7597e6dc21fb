import { useMemo } from 'react';

type Ring = [number, number][];

/** The outer rings of a GeoJSON Polygon or MultiPolygon; anything else draws nothing. */
function outerRings(geometry: Record<string, unknown>): Ring[] {
  const coordinates = geometry.coordinates;
  if (geometry.type === 'Polygon') return [(coordinates as Ring[])[0] ?? []];
  if (geometry.type === 'MultiPolygon') return (coordinates as Ring[][]).map((polygon) => polygon[0] ?? []);
  return [];
}

/**
 * A small silhouette of a region's boundary, so a person recognises the place at a glance. Not
 * a map: longitude is scaled by cos(latitude) so the shape is not stretched, and that is all.
 */
export function BoundaryOutline({ geometry, label, size = 132 }: { geometry: Record<string, unknown>; label: string; size?: number }) {
  const path = useMemo(() => {
    const rings = outerRings(geometry).filter((r) => r.length > 2);
    const points = rings.flat();
    if (points.length === 0) return null;
    const lats = points.map(([, lat]) => lat);
    const k = Math.cos((((Math.min(...lats) + Math.max(...lats)) / 2) * Math.PI) / 180);
    const xs = points.map(([lon]) => lon * k);
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...lats), Math.max(...lats)];
    const scale = (size - 12) / Math.max(maxX - minX, maxY - minY, 1e-9);
    const dx = (size - (maxX - minX) * scale) / 2;
    const dy = (size - (maxY - minY) * scale) / 2;
    return rings
      .map((ring) => ring.map(([lon, lat], i) => `${i ? 'L' : 'M'}${(dx + (lon * k - minX) * scale).toFixed(1)},${(dy + (maxY - lat) * scale).toFixed(1)}`).join('') + 'Z')
      .join('');
  }, [geometry, size]);
  if (!path) return null;
  return (
    <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} style={{ flexShrink: 0 }} data-testid="region-outline">
      <path d={path} fill="#e3efe0" stroke="#2f6b3a" strokeWidth={1.5} strokeLinejoin="round" />
    </svg>
  );
}
