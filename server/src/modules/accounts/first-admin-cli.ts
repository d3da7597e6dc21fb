import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.ts';
import { prepareDatabase } from '../../startup/prepare.ts';
import { systemContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { fromPostgresError } from '../../platform/errors/postgres.ts';
import { createFirstAdmin } from './first-admin.ts';
import { readSecret } from './read-secret.ts';

/**
 * `npm run admin:create -- --region 360702 --name 李飞杉 --username lifeishan [--phone 13900000000]`:
 * the first office admin of a real installation. The password comes from ADMIN_PASSWORD or is
 * asked for twice on the terminal, never as an argument (it would stay in the shell history).
 */
const usage = 'npm run admin:create -- --region <6 位县（区）代码或 12 位区划代码> --name <姓名> --username <用户名> [--phone <手机号>]';
const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: { region: { type: 'string' }, name: { type: 'string' }, username: { type: 'string' }, phone: { type: 'string' } },
  strict: true,
});
if (!values.region || !values.name || !values.username) {
  console.error(`用法：${usage}`);
  process.exit(2);
}
let password = process.env.ADMIN_PASSWORD;
if (!password) {
  password = await readSecret('新管理员的密码（至少 8 位，含大写、小写、数字、符号中的 3 类）：');
  if ((await readSecret('再输入一次：')) !== password) {
    console.error('两次输入的密码不一致');
    process.exit(2);
  }
}

const config = loadConfig();
// A real installation never gets the demo county, even when DEMO_SEED is left at auto.
const { database } = await prepareDatabase({ ...config, demo: { ...config.demo, seed: false } });
try {
  const admin = await createFirstAdmin(systemContext(database.app), { region: values.region, name: values.name, username: values.username, phone: values.phone ?? null, password });
  console.log(`已为${admin.regionName}（${admin.regionCode}）开通林长办管理员账号 ${values.username}，可登录网页端。`);
} catch (error) {
  const known = error instanceof AppError ? error : fromPostgresError(error);
  if (!known) throw error;
  console.error(known.message);
  process.exitCode = 1;
} finally {
  await database.close();
}
