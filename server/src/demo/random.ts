import seedrandom from 'seedrandom';

/** A seeded random source: the same seed gives the same demo county on every machine. */
export interface Random {
  (): number;
  int(min: number, max: number): number;
  between(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** A draw from a log-normal distribution with the given median and spread (sigma of the log). */
  logNormal(median: number, sigma: number): number;
  /** Picks by weight. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T;
}

export function createRandom(seed: string): Random {
  const next = seedrandom(seed);
  const random = (() => next()) as Random;
  random.between = (min, max) => min + next() * (max - min);
  random.int = (min, max) => Math.floor(min + next() * (max - min + 1));
  random.pick = (items) => {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(next() * items.length)]!;
  };
  random.chance = (p) => next() < p;
  random.logNormal = (median, sigma) => {
    // Box–Muller
    const u = 1 - next();
    const v = next();
    return median * Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  };
  random.weighted = (items) => {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1]![0];
  };
  return random;
}
