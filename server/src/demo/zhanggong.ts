import type { RegionInput } from '../modules/regions/repository.ts';
import { LocalFrame, blobOutline, partition, randomPointIn, type MultiPoly, type Pt } from './plane.ts';
import type { Random } from './random.ts';

/** 章贡区, Ganzhou: the demo county of 《章贡区2021年林长制工作要点》. Boundaries are synthetic; names and codes are real. */
export const DEMO_COUNTY = '360702';
export const DEMO_COUNTY_CODE = '360702000000';
export const DEMO_CENTRE: Pt = [114.93, 25.83];
const DEMO_AREA_KM2 = 478;

/**
 * Where each township's seed point lies (bearing in degrees clockwise from north, distance in km
 * from the centre): the urban streets cluster round the confluence of the 章江 and 贡江, the towns
 * ring them, roughly as on the real map.
 */
const LAYOUT: Record<string, [number, number]> = {
  解放街道: [0, 0.8],
  赣江街道: [300, 1.6],
  南外街道: [170, 1.5],
  东外街道: [80, 1.7],
  水南街道: [220, 2.4],
  章江街道: [260, 2.6],
  黄金岭街道: [130, 2.8],
  沙河工业园: [35, 4.2],
  赣州经济技术开发区: [235, 5.0],
  水东镇: [95, 7.0],
  沙河镇: [40, 8.5],
  水西镇: [320, 6.5],
  蟠龙镇: [345, 11],
  潭口镇: [270, 9.5],
  潭东镇: [245, 11.5],
  湖边镇: [195, 7.5],
  沙石镇: [150, 10],
};

export const isStreet = (name: string) => name.endsWith('街道');
export const isDevelopmentZone = (name: string) => !isStreet(name) && !name.endsWith('镇') && !name.endsWith('乡');
/** Rural villages (村委会) hold the forest; urban communities (居委会/社区) do not. */
export const isRuralVillage = (name: string) => name.includes('村');

export interface DemoRegionGeometry {
  frame: LocalFrame;
  county: MultiPoly;
  byCode: Map<string, MultiPoly>;
}

/** Synthetic boundaries: a county outline, township cells inside it and village cells inside each township. */
export function zhanggongBoundaries(random: Random, regions: readonly RegionInput[]): DemoRegionGeometry {
  const frame = new LocalFrame(DEMO_CENTRE[0], DEMO_CENTRE[1]);
  const county: MultiPoly = [[blobOutline(random, DEMO_AREA_KM2, 160, [1.15, 0.9])]];
  const townships = regions.filter((r) => r.level === 4);
  const seeds = townships.map((t) => {
    const placed = LAYOUT[t.name];
    if (!placed) return randomPointIn(county, random);
    const [bearing, distance] = placed;
    const angle = (bearing * Math.PI) / 180;
    return [distance * Math.sin(angle) + random.between(-0.2, 0.2), distance * Math.cos(angle) + random.between(-0.2, 0.2)] as Pt;
  });
  const byCode = new Map<string, MultiPoly>();
  partition(county, seeds).forEach((cell, i) => byCode.set(townships[i]!.code, cell));
  for (const township of townships) {
    const area = byCode.get(township.code)!;
    const villages = regions.filter((r) => r.parentCode === township.code);
    const villageSeeds = spreadPoints(area, villages.length, random);
    partition(area, villageSeeds).forEach((cell, i) => byCode.set(villages[i]!.code, cell));
  }
  return { frame, county, byCode };
}

/** Points spread evenly over an area (best of several random candidates each time). */
export function spreadPoints(area: MultiPoly, count: number, random: Random, candidates = 12): Pt[] {
  const points: Pt[] = [];
  for (let i = 0; i < count; i++) {
    let best: Pt | undefined;
    let bestDistance = -1;
    for (let c = 0; c < candidates; c++) {
      const p = randomPointIn(area, random);
      const d = points.reduce((m, q) => Math.min(m, (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2), Infinity);
      if (d > bestDistance) [best, bestDistance] = [p, d];
    }
    points.push(best!);
  }
  return points;
}
