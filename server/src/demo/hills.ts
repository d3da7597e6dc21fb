import { createNoise2D } from 'simplex-noise';
import type { Pt } from './plane.ts';
import type { Random } from './random.ts';

/**
 * A smooth "elevation" in [0, 1] over the county plane (km): low along the rivers at the centre,
 * rising into hills toward the edges, with noise so the forest is patchy as it is in 赣南.
 */
export function hillField(random: Random, radiusKm: number): (p: Pt) => number {
  const coarse = createNoise2D(random);
  const fine = createNoise2D(random);
  return ([x, y]) => {
    const radial = Math.min(1, Math.hypot(x, y) / radiusKm);
    const n = 0.65 * coarse(x / 6, y / 6) + 0.35 * fine(x / 1.6, y / 1.6); // -1..1
    return clamp(0.15 + 0.75 * radial ** 1.2 + 0.3 * n, 0, 1);
  };
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
