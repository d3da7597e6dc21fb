import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { divisionsOf } from '../modules/regions/load.ts';
import { planLand } from './land.ts';
import { planPeople } from './people.ts';
import { DEMO_GRID_PLANS } from './seed-land.ts';
import { multiArea } from './plane.ts';
import { createRandom } from './random.ts';
import { DEMO_COUNTY, isRuralVillage, zhanggongBoundaries } from './zhanggong.ts';

const regions = divisionsOf([DEMO_COUNTY]);
const fingerprint = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('demo county generator', () => {
  it('draws up each grid plan before switching it on, and switches on the next before archiving it', () => {
    for (const plan of DEMO_GRID_PLANS) {
      expect(plan.createdOn <= plan.activatedOn, plan.name).toBe(true);
      if (plan.archivedOn) expect(plan.activatedOn <= plan.archivedOn, plan.name).toBe(true);
    }
    const [lastYear, thisYear] = DEMO_GRID_PLANS;
    expect(lastYear.archivedOn).toBe(thisYear.activatedOn);
    expect(thisYear.createdOn < thisYear.activatedOn).toBe(true);
  });

  it('is deterministic: the same seed gives the same county, people and land', () => {
    const run = () => {
      const geometry = zhanggongBoundaries(createRandom('s:regions'), regions);
      const people = planPeople(createRandom('s:people'), regions);
      const land = planLand(createRandom('s:land'), regions, geometry, new Map([['360702101003', [1, 2]]]), 0.2);
      return fingerprint([[...geometry.byCode], people, land.subCompartments.length, land.grids]);
    };
    expect(run()).toBe(run());
    const other = planPeople(createRandom('t:people'), regions);
    expect(fingerprint(other)).not.toBe(fingerprint(planPeople(createRandom('s:people'), regions)));
  });

  it('draws a district of about 478 km² split into townships and villages that add up to it', () => {
    const geometry = zhanggongBoundaries(createRandom('s:regions'), regions);
    const county = multiArea(geometry.county);
    expect(county).toBeCloseTo(478, 0);
    const townships = regions.filter((r) => r.level === 4).reduce((s, r) => s + multiArea(geometry.byCode.get(r.code)!), 0);
    const villages = regions.filter((r) => r.level === 5).reduce((s, r) => s + multiArea(geometry.byCode.get(r.code)!), 0);
    expect(townships).toBeCloseTo(county, 3);
    expect(villages).toBeCloseTo(county, 3);
    expect(regions.filter((r) => r.level === 5).every((r) => geometry.byCode.get(r.code)!.length === 1)).toBe(true); // one piece each
  });

  it('staffs every village with a chief, and every village with forest with a supervisor and 1–3 rangers', () => {
    const people = planPeople(createRandom('s:people'), regions);
    const posts = people.flatMap((p) => p.posts.filter((post) => !post.endsOn));
    for (const village of regions.filter((r) => r.level === 5)) {
      const here = posts.filter((p) => p.regionCode === village.code);
      expect(here.filter((p) => p.postType === 'forest_chief')).toHaveLength(1);
      const rangers = here.filter((p) => p.postType === 'ranger').length;
      if (isRuralVillage(village.name)) {
        expect(here.filter((p) => p.postType === 'supervisor')).toHaveLength(1);
        expect(rangers).toBeGreaterThanOrEqual(1);
        expect(rangers).toBeLessThanOrEqual(3);
      } else expect(rangers).toBe(0);
    }
    expect(people.filter((p) => p.account).map((p) => p.account).sort()).toEqual(['demo-office', 'demo-ranger', 'demo-supervisor', 'demo-township', 'demo-village']);
  });
  it('cuts the forest into some twenty thousand sub-compartments of 1–30 ha each', () => {
    const geometry = zhanggongBoundaries(createRandom('s:regions'), regions);
    const rangers = new Map<string, number[]>();
    planPeople(createRandom('s:people'), regions)
      .flatMap((p) => p.posts)
      .filter((post) => post.postType === 'ranger' && !post.endsOn)
      .forEach((post, i) => rangers.set(post.regionCode, [...(rangers.get(post.regionCode) ?? []), i + 1]));
    const land = planLand(createRandom('s:land'), regions, geometry, rangers);
    const hectares = land.subCompartments.map((s) => multiArea(s.area) * 100);
    expect(hectares.length).toBeGreaterThan(15_000);
    expect(Math.min(...hectares)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...hectares)).toBeLessThanOrEqual(30);
    // Numbers run 001, 002, … within each 林班, with no gaps where slivers were joined to a neighbour.
    const numbers = new Map<string, number[]>();
    for (const s of land.subCompartments) {
      const compartment = `${s.regionCode}/${s.compartment}`;
      numbers.set(compartment, [...(numbers.get(compartment) ?? []), Number(s.number)]);
    }
    for (const list of numbers.values()) expect(list).toEqual(list.map((_, i) => i + 1));
  });
});
