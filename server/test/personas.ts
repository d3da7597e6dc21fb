import { insertAccount } from '../src/modules/accounts/repository.ts';
import { hashPassword } from '../src/platform/auth/password.ts';
import { signIn, type Client, type TestApp } from './app.ts';
import { TEST_PASSWORD } from './template.ts';

/** Named people for permission tests, drawn from the seeded demo county. */
export const SHUIDONG = '360702101000'; // 水东镇
export const SHASHI = '360702100000'; // 沙石镇, the neighbouring township
export const ZHANGGONG = '360702000000'; // 章贡区

export const officeAdmin = (t: TestApp) => signIn(t, 'demo-office');
export const townshipChief = (t: TestApp) => signIn(t, 'demo-township');
export const villageChief = (t: TestApp) => signIn(t, 'demo-village');
export const supervisor = (t: TestApp) => signIn(t, 'demo-supervisor');
export const ranger = (t: TestApp) => signIn(t, 'demo-ranger');

/**
 * Signs in as the holder of an active post of a type at a region, opening an account for them
 * first if they have none: e.g. the township chief of 沙石镇, or 水东镇's office staff.
 */
export async function holderOf(t: TestApp, postType: string, regionCode: string): Promise<Client> {
  const username = `t-${postType.replaceAll('_', '-')}-${regionCode}`.slice(0, 32);
  await t.system.run(async (tx) => {
    const post = await tx
      .selectFrom('posts')
      .select('person_id')
      .where('post_type', '=', postType)
      .where('region_code', '=', regionCode)
      .where('ends_on', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const existing = await tx.selectFrom('accounts').select('id').where('person_id', '=', post.person_id).executeTakeFirst();
    if (!existing) await insertAccount(tx, { personId: post.person_id, username, passwordHash: await hashPassword(TEST_PASSWORD), chosenBy: 'holder' });
  });
  const account = await t.system.run((tx) =>
    tx
      .selectFrom('accounts')
      .innerJoin('posts', 'posts.person_id', 'accounts.person_id')
      .select('accounts.username')
      .where('posts.post_type', '=', postType)
      .where('posts.region_code', '=', regionCode)
      .where('posts.ends_on', 'is', null)
      .orderBy('posts.id')
      .executeTakeFirstOrThrow(),
  );
  return signIn(t, account.username);
}

/** The township chief of 沙石镇: a user of a neighbouring township. */
export const neighbourTownshipChief = (t: TestApp) => holderOf(t, 'forest_chief', SHASHI);
