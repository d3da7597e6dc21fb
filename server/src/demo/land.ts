import type { RegionInput } from '../modules/regions/repository.ts';
import { hillField } from './hills.ts';
import { absorbSmall, bbox, contains, multiArea, partition, randomPointIn, type MultiPoly, type Pt } from './plane.ts';
import type { Random } from './random.ts';
import { isRuralVillage, isStreet, type DemoRegionGeometry } from './zhanggong.ts';

export interface PlannedGrid {
  villageCode: string;
  index: number;
  rangerPostId: number | null;
  area: MultiPoly;
}

export interface PlannedSubCompartment {
  regionCode: string;
  compartment: string;
  number: string;
  area: MultiPoly;
  landClass: string;
  forestCategory: string | null;
  publicWelfareGrade: string | null;
  protectionGrade: string | null;
  origin: string | null;
  dominantSpecies: string | null;
  ageGroup: string | null;
  canopyDensity: number | null;
  stockPerHa: number | null;
  ownership: string;
  surveyYear: number;
}

export interface PlannedLand {
  grids: PlannedGrid[];
  previousGrids: PlannedGrid[];
  subCompartments: PlannedSubCompartment[];
  risks: Array<{ regionCode: string; kind: string; name: string; point?: Pt; area?: MultiPoly }>;
  routes: Array<{ regionCode: string; name: string; line: Pt[] }>;
  powerLines: Pt[][];
  reserve: MultiPoly;
}

/** Land for the demo county. `scale` < 1 makes sub-compartments fewer and larger (test databases). */
export function planLand(
  random: Random,
  regions: readonly RegionInput[],
  geometry: DemoRegionGeometry,
  rangersByVillage: ReadonlyMap<string, number[]>,
  scale = 1,
): PlannedLand {
  const [x0, y0, x1, y1] = bbox(geometry.county);
  const elevation = hillField(random, Math.max(x1 - x0, y1 - y0) / 2);
  const villages = regions.filter((r) => r.level === 5);
  const townshipName = new Map(regions.filter((r) => r.level === 4).map((r) => [r.code, r.name]));
  const land: PlannedLand = { grids: [], previousGrids: [], subCompartments: [], risks: [], routes: [], powerLines: [], reserve: [] };

  for (const village of villages) {
    const area = geometry.byCode.get(village.code);
    if (!area) continue;
    const urban = !isRuralVillage(village.name) || isStreet(townshipName.get(village.parentCode ?? '') ?? '');
    const rangers = rangersByVillage.get(village.code) ?? [];
    const label = shortName(village.name);
    if (urban || rangers.length === 0) {
      addSubCompartments(random, land, village.code, [area], elevation, true, scale);
      continue;
    }
    const grids = partition(area, spread(area, rangers.length, random));
    grids.forEach((g, i) => land.grids.push({ villageCode: village.code, index: i + 1, rangerPostId: rangers[i] ?? null, area: g }));
    // Last year's plan cut the same village differently: grids are re-optimised every year.
    partition(area, spread(area, rangers.length, random)).forEach((g, i) =>
      land.previousGrids.push({ villageCode: village.code, index: i + 1, rangerPostId: rangers[i] ?? null, area: g }),
    );
    addSubCompartments(random, land, village.code, grids, elevation, false, scale);
    grids.forEach((g, i) => {
      for (let k = 0; k < random.int(1, 3); k++) land.risks.push({ regionCode: village.code, kind: 'graves', name: `${label}${i + 1}号网格墓区${k + 1}`, point: randomPointIn(g, random) });
      if (random.chance(0.6)) land.risks.push({ regionCode: village.code, kind: 'farm_forest_edge', name: `${label}农林交错区${i + 1}`, area: [[hexagon(randomPointIn(g, random), 0.12)]] });
      land.routes.push({ regionCode: village.code, name: `${label}${i + 1}号网格巡护线路`, line: route(g, random) });
    });
  }
  // Pine-wilt removal sites sit in masson-pine stands; construction sites are rarer.
  const pines = land.subCompartments.filter((s) => s.dominantSpecies === '220');
  for (let i = 0; i < Math.max(3, Math.round(pines.length / 150)); i++) {
    const s = random.pick(pines);
    land.risks.push({ regionCode: s.regionCode, kind: 'pine_wilt_removal', name: `疫木除治山场 ${s.compartment}-${s.number}`, area: s.area });
  }
  const forests = land.subCompartments.filter((s) => s.landClass === '0111');
  for (let i = 0; i < Math.max(2, Math.round(forests.length / 800)); i++) {
    const s = random.pick(forests);
    land.risks.push({ regionCode: s.regionCode, kind: 'construction_site', name: `林区施工现场 ${s.compartment}-${s.number}`, area: [[hexagon(randomPointIn(s.area, random), 0.05)]] });
  }
  // High-voltage lines cross the county; they are cut into one risk area per village in SQL.
  for (let i = 0; i < 3; i++) {
    const angle = random.between(0, Math.PI);
    const [dx, dy] = [Math.cos(angle), Math.sin(angle)];
    const offset = random.between(-6, 6);
    const line: Pt[] = [];
    for (let t = -30; t <= 30; t += 2) line.push([t * dx - offset * dy + random.between(-0.2, 0.2), t * dy + offset * dx + random.between(-0.2, 0.2)]);
    land.powerLines.push(line);
  }
  // A forest park on the highest hills as the nature-reserve reference layer.
  let best: Pt = [0, 0];
  for (let i = 0; i < 400; i++) {
    const p = randomPointIn(geometry.county, random);
    if (elevation(p) > elevation(best)) best = p;
  }
  land.reserve = [[hexagon(best, 1.6)]];
  return land;
}

function addSubCompartments(
  random: Random,
  land: PlannedLand,
  regionCode: string,
  parts: readonly MultiPoly[],
  elevation: (p: Pt) => number,
  urban: boolean,
  scale: number,
) {
  let compartmentNo = 0;
  for (const part of parts) {
    compartmentNo++;
    // Stand size (ha) follows the terrain: small fields in the valleys, big stands on the hills.
    const sizeAt = (p: Pt) => (urban ? 3 : sizeForElevation(elevation(p))) / scale;
    const seeds = densitySeeds(part, sizeAt, random);
    absorbSmall(partition(part, seeds), MIN_STAND_KM2).forEach(({ index, area }, i) => {
      land.subCompartments.push({
        regionCode,
        compartment: String(compartmentNo).padStart(4, '0'),
        number: String(i + 1).padStart(3, '0'),
        area,
        ...attributes(random, elevation(seeds[index]!), urban),
      });
    });
  }
}

// Stands run 1–30 ha (issue 3); the margin covers the local plane against the ellipsoid.
const MIN_STAND_KM2 = 1.02 / 100;

function sizeForElevation(e: number): number {
  if (e < 0.3) return 0.95;
  if (e < 0.5) return 1.2;
  return 1.3 + (e - 0.5) ** 2 * 40; // up to ~11 ha on the ridges, before slivers join
}

/** Seed points whose spacing follows the wanted local cell size (km² = ha / 100). */
function densitySeeds(area: MultiPoly, sizeHaAt: (p: Pt) => number, random: Random): Pt[] {
  const total = multiArea(area) * 100; // ha
  const probes = Array.from({ length: 60 }, () => randomPointIn(area, random));
  const meanInverse = probes.reduce((s, p) => s + 1 / sizeHaAt(p), 0) / probes.length;
  const count = Math.max(1, Math.round(total * meanInverse));
  const minInverse = Math.min(...probes.map((p) => 1 / sizeHaAt(p)));
  const maxInverse = Math.max(...probes.map((p) => 1 / sizeHaAt(p)));
  const seeds: Pt[] = [];
  for (let tries = 0; seeds.length < count && tries < count * 80; tries++) {
    const p = randomPointIn(area, random, (q) => Math.max(minInverse, 1 / sizeHaAt(q)) / maxInverse);
    const spacing = 0.55 * Math.sqrt(sizeHaAt(p) / 100);
    if (seeds.every((q) => Math.abs(q[0] - p[0]) > spacing || Math.abs(q[1] - p[1]) > spacing)) seeds.push(p);
  }
  return seeds.length > 0 ? seeds : [randomPointIn(area, random)];
}

type Attributes = Omit<PlannedSubCompartment, 'regionCode' | 'compartment' | 'number' | 'area'>;

/** Attributes plausible for southern Jiangxi: pine, fir, slash pine, broadleaf, bamboo, camellia. */
function attributes(random: Random, e: number, urban: boolean): Attributes {
  const landClass = urban
    ? random.weighted([['0230', 70], ['0111', 15], ['0240', 5], ['0250', 10]])
    : e < 0.3
      ? random.weighted([['0210', 50], ['0230', 15], ['0220', 10], ['0240', 5], ['0111', 20]])
      : e < 0.5
        ? random.weighted([['0111', 55], ['0113', 8], ['0220', 7], ['0210', 15], ['0132', 5], ['0141', 5], ['0250', 5]])
        : random.weighted([['0111', 75], ['0113', 12], ['0131', 3], ['0120', 3], ['0161', 3], ['0171', 4]]);
  const base = { landClass, ownership: random.chance(0.08) ? '10' : '20', surveyYear: random.chance(0.75) ? 2023 : 2021 };
  const none = { forestCategory: null, publicWelfareGrade: null, protectionGrade: null, origin: null, dominantSpecies: null, ageGroup: null, canopyDensity: null, stockPerHa: null };
  if (!['0111', '0113', '0131', '0120', '0141'].includes(landClass)) return { ...base, ...none };

  const species =
    landClass === '0113' ? random.weighted([['910', 85], ['920', 15]])
    : landClass === '0131' ? '990'
    : random.weighted([['220', 30], ['350', 25], ['230', 10], ['780', 15], ['790', 8], ['950', 7], ['530', 2], ['590', 2], ['610', 1]]);
  const natural = ['780', '790', '590', '610'].includes(species) ? random.chance(0.8) : species === '220' ? random.chance(0.35) : random.chance(0.05);
  const origin = natural ? random.weighted([['11', 6], ['13', 3], ['12', 1]]) : random.weighted([['21', 8], ['22', 1], ['23', 1]]);
  const ageGroup = landClass === '0141' ? '1' : random.weighted([['1', 25], ['2', 35], ['3', 20], ['4', 15], ['5', 5]]);
  const publicWelfare = random.chance(e > 0.6 ? 0.7 : 0.2) && species !== '950';
  const national = publicWelfare && random.chance(0.4);
  const timber = !['910', '920', '950', '990'].includes(species) && landClass !== '0141';
  const maturity = { '1': 0.15, '2': 0.45, '3': 0.75, '4': 1, '5': 1.1 }[ageGroup] ?? 0.5;
  const potential = { '350': 160, '220': 110, '230': 120, '780': 130, '790': 125, '530': 140, '590': 135, '610': 120 }[species] ?? 0;
  return {
    ...base,
    forestCategory: publicWelfare ? '1' : '2',
    publicWelfareGrade: publicWelfare ? (national ? '10' : '21') : null,
    protectionGrade: national ? random.weighted([['1', 2], ['2', 5], ['3', 3]]) : null,
    origin,
    dominantSpecies: species,
    ageGroup,
    canopyDensity: landClass === '0120' ? round2(random.between(0.1, 0.19)) : round2(random.between(0.3, 0.9)),
    stockPerHa: timber ? round2(potential * maturity * random.between(0.7, 1.2)) : 0,
  };
}

const round2 = (v: number) => Math.round(v * 100) / 100;

function spread(area: MultiPoly, count: number, random: Random): Pt[] {
  const points: Pt[] = [];
  while (points.length < count) {
    const p = randomPointIn(area, random);
    if (points.every((q) => Math.hypot(q[0] - p[0], q[1] - p[1]) > 0.3) || points.length === 0) points.push(p);
  }
  return points;
}

function hexagon([cx, cy]: Pt, radiusKm: number): Pt[] {
  const ring: Pt[] = [];
  for (let i = 0; i < 6; i++) ring.push([cx + radiusKm * Math.cos((i * Math.PI) / 3), cy + radiusKm * Math.sin((i * Math.PI) / 3)]);
  ring.push(ring[0]!);
  return ring;
}

/** A patrol route: a path through a few points inside the grid, ordered around its centre. */
function route(area: MultiPoly, random: Random): Pt[] {
  const points = Array.from({ length: random.int(4, 6) }, () => randomPointIn(area, random));
  const cx = points.reduce((s, p) => s + p[0], 0) / points.length;
  const cy = points.reduce((s, p) => s + p[1], 0) / points.length;
  return points.sort((a, b) => Math.atan2(a[1] - cy, a[0] - cx) - Math.atan2(b[1] - cy, b[0] - cx)).filter((p) => contains(area, p));
}

/** 水东居委会 → 水东, 七里村委会 → 七里 */
export function shortName(villageName: string): string {
  return villageName.replace(/(社区居民委员会|社区居委会|居民委员会|村民委员会|居委会|村委会|虚拟社区)$/, '');
}
