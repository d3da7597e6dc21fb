import { insertAccount } from '../modules/accounts/repository.ts';
import { insertPosts, type PostInput } from '../modules/people/repository.ts';
import { divisionsOf } from '../modules/regions/load.ts';
import { setBoundaries, upsertRegions } from '../modules/regions/repository.ts';
import { hashPassword } from '../platform/auth/password.ts';
import type { Context } from '../platform/context.ts';
import { planPeople } from './people.ts';
import { seedLand } from './seed-land.ts';
import { createRandom } from './random.ts';
import { DEMO_COUNTY, zhanggongBoundaries } from './zhanggong.ts';

export interface DemoOptions {
  password: string;
  seed?: string;
  /** Below 1, fewer and larger sub-compartments (test databases). */
  landScale?: number;
  /** Told each stage as it begins, so a first start that takes half a minute shows it is working. */
  progress?: (stage: string) => void;
}

/**
 * Generates the demo county deterministically from a seed: the real regions of 章贡区 with
 * synthetic boundaries, its people, posts and the demo accounts.
 */
export async function seedDemo(ctx: Context, options: DemoOptions): Promise<void> {
  const seed = options.seed ?? 'linzhang-demo-360702';
  const progress = options.progress ?? (() => {});
  progress('regions and their boundaries');
  const regions = divisionsOf([DEMO_COUNTY]);
  const geometry = zhanggongBoundaries(createRandom(`${seed}:regions`), regions);
  const people = planPeople(createRandom(`${seed}:people`), regions);
  const passwordHash = await hashPassword(options.password);

  await ctx.run(async (tx) => {
    await upsertRegions(tx, regions);
    await setBoundaries(tx, [
      { code: `${DEMO_COUNTY}000000`, geometry: geometry.frame.multiPolygon(geometry.county) },
      ...[...geometry.byCode].map(([code, mp]) => ({ code, geometry: geometry.frame.multiPolygon(mp) })),
    ]);

    progress(`${people.length} people, their posts and accounts`);
    const ids: number[] = [];
    for (let i = 0; i < people.length; i += 500) {
      const rows = await tx
        .insertInto('persons')
        .values(people.slice(i, i + 500).map((p) => ({ region_code: p.regionCode, name: p.name, phone: p.phone, id_card_last4: p.idCardLast4, photo_sha256: null })))
        .returning('id')
        .execute();
      ids.push(...rows.map((r) => r.id));
    }

    const posts: PostInput[] = people.flatMap((p, i) =>
      p.posts.map((post) => ({
        personId: ids[i]!,
        postType: post.postType,
        regionCode: post.regionCode,
        title: post.title,
        responsibilityArea: post.responsibilityArea ?? null,
        rangerKind: post.rangerKind ?? null,
        department: post.department ?? null,
        startsOn: post.startsOn,
        ...(post.endsOn ? { endsOn: post.endsOn, endReason: post.endReason ?? '' } : {}),
      })),
    );
    for (let i = 0; i < posts.length; i += 500) await insertPosts(tx, posts.slice(i, i + 500));

    for (const [i, p] of people.entries()) {
      if (p.account) await insertAccount(tx, { personId: ids[i]!, username: p.account, passwordHash, chosenBy: 'holder', isDemo: true });
    }
    await seedLand(tx, createRandom(`${seed}:land`), regions, geometry, options.landScale ?? 1, progress);
  });
}
