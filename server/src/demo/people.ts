import type { RangerKind } from '../modules/people/tables.ts';
import type { RegionInput } from '../modules/regions/repository.ts';
import type { DemoUsername } from './accounts.ts';
import { idCardLast4, personName, phoneNumbers } from './names.ts';
import type { Random } from './random.ts';
import { DEMO_COUNTY_CODE, isRuralVillage, isStreet } from './zhanggong.ts';

export interface PlannedPost {
  postType: string;
  regionCode: string;
  title: string;
  responsibilityArea?: string;
  rangerKind?: RangerKind;
  department?: string;
  startsOn: string;
  endsOn?: string;
  endReason?: string;
}

export interface PlannedPerson {
  regionCode: string;
  name: string;
  phone: string;
  idCardLast4: string | null;
  posts: PlannedPost[];
  account?: DemoUsername;
}

const SYSTEM_LAUNCH = '2021-06-01'; // 章贡区 put the forest-chief system in place in 2021 (《章贡区2021年林长制工作要点》)
const DEMO_TOWNSHIP = '水东镇';
const DEPARTMENTS = ['区公安分局', '区人民检察院', '区自然资源分局', '区应急管理局', '区生态环境局'];

/**
 * The people of the demo county and their posts: chiefs at district, township and village level,
 * the district office, liaisons of cooperating departments, and at every village with forest a
 * supervisor and one to three rangers (一长两员), plus a guide per township. A few posts have
 * rotated, so history pages have something to show.
 */
export function planPeople(random: Random, regions: readonly RegionInput[]): PlannedPerson[] {
  const phone = phoneNumbers(random);
  const people: PlannedPerson[] = [];
  const person = (regionCode: string, posts: PlannedPost[], account?: DemoUsername): PlannedPerson => {
    const p: PlannedPerson = {
      regionCode,
      name: personName(random),
      phone: phone(),
      idCardLast4: random.chance(0.6) ? idCardLast4(random) : null,
      posts,
      ...(account ? { account } : {}),
    };
    people.push(p);
    return p;
  };
  const day = (year: number) => `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;

  const townships = regions.filter((r) => r.level === 4);
  const villagesOf = (code: string) => regions.filter((r) => r.parentCode === code);
  const county = DEMO_COUNTY_CODE;

  // District: chief and deputy (one rotation each), district chiefs with named responsibility areas.
  const rotated = day(2023);
  person(county, [{ postType: 'chief_forest_chief', regionCode: county, title: '区总林长', startsOn: SYSTEM_LAUNCH, endsOn: rotated, endReason: '工作调动' }]);
  person(county, [{ postType: 'chief_forest_chief', regionCode: county, title: '区总林长', startsOn: rotated }]);
  person(county, [{ postType: 'deputy_chief_forest_chief', regionCode: county, title: '区副总林长', startsOn: SYSTEM_LAUNCH }]);
  const towns = townships.filter((t) => !isStreet(t.name));
  for (let i = 0; i < towns.length; i += 2) {
    const area = towns.slice(i, i + 2).map((t) => t.name).join('、');
    person(county, [{ postType: 'forest_chief', regionCode: county, title: '区级林长', responsibilityArea: `${area}林区`, startsOn: SYSTEM_LAUNCH }]);
  }
  person(county, [{ postType: 'office_admin', regionCode: county, title: '区林长办主任', startsOn: SYSTEM_LAUNCH }], 'demo-office');
  for (let i = 0; i < 3; i++) person(county, [{ postType: 'office_staff', regionCode: county, title: '区林长办工作人员', startsOn: day(2021 + i) }]);
  for (const department of DEPARTMENTS) {
    person(county, [{ postType: 'liaison', regionCode: county, title: '协作单位联络员', department, startsOn: SYSTEM_LAUNCH }]);
  }

  for (const township of townships) {
    const kind = isStreet(township.name) ? '街道' : '镇';
    const demo = township.name === DEMO_TOWNSHIP;
    person(township.code, [{ postType: 'chief_forest_chief', regionCode: township.code, title: `${kind}总林长`, startsOn: SYSTEM_LAUNCH }]);
    person(
      township.code,
      [{ postType: 'forest_chief', regionCode: township.code, title: `${kind}级林长`, responsibilityArea: `${township.name}全域`, startsOn: SYSTEM_LAUNCH }],
      demo ? 'demo-township' : undefined,
    );
    person(township.code, [{ postType: 'office_staff', regionCode: township.code, title: `${township.name}林长办工作人员`, startsOn: day(2021) }]);
    const villages = villagesOf(township.code);
    if (villages.some((v) => isRuralVillage(v.name))) {
      person(township.code, [{ postType: 'guide', regionCode: township.code, title: '林业站指导员', startsOn: day(2022) }]);
    }

    let demoVillageTaken = !demo;
    for (const village of villages) {
      const forested = isRuralVillage(village.name);
      const isDemoVillage = forested && !demoVillageTaken;
      if (isDemoVillage) demoVillageTaken = true;
      person(
        village.code,
        [{ postType: 'forest_chief', regionCode: village.code, title: '村级林长', responsibilityArea: `${village.name.replace(/村委会|居委会|社区居民委员会|社区居委会/, '')}辖区山林`, startsOn: SYSTEM_LAUNCH }],
        isDemoVillage ? 'demo-village' : undefined,
      );
      if (!forested) continue;
      person(village.code, [{ postType: 'supervisor', regionCode: village.code, title: '监管员', startsOn: SYSTEM_LAUNCH }], isDemoVillage ? 'demo-supervisor' : undefined);
      const rangers = random.int(1, 3);
      for (let r = 0; r < rangers; r++) {
        const rangerKind = random.weighted<RangerKind>([['ecological', 5], ['full_time', 3], ['assistant', 2]]);
        const posts: PlannedPost[] = [];
        if (random.chance(0.1)) {
          // A ranger who moved from another kind of post keeps that history.
          const moved = day(2022);
          posts.push({ postType: 'ranger', regionCode: village.code, title: '护林员', rangerKind: 'assistant', startsOn: SYSTEM_LAUNCH, endsOn: moved, endReason: '转为生态护林员' });
          posts.push({ postType: 'ranger', regionCode: village.code, title: '护林员', rangerKind: 'ecological', startsOn: moved });
        } else {
          posts.push({ postType: 'ranger', regionCode: village.code, title: '护林员', rangerKind, startsOn: r === 0 ? SYSTEM_LAUNCH : day(2022 + r) });
        }
        person(village.code, posts, isDemoVillage && r === 0 ? 'demo-ranger' : undefined);
      }
    }
  }
  return people;
}
