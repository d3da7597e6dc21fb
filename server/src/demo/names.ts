import type { Random } from './random.ts';

// Surname frequencies skewed toward southern Jiangxi (赣南), where 刘, 陈, 钟, 曾, 谢, 赖 are common.
const SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ['刘', 9], ['陈', 8], ['钟', 6], ['曾', 6], ['黄', 6], ['谢', 5], ['赖', 5], ['李', 5], ['王', 4], ['张', 4],
  ['廖', 4], ['郭', 3], ['罗', 3], ['肖', 3], ['温', 3], ['邱', 3], ['朱', 3], ['杨', 3], ['吴', 3], ['胡', 2],
  ['叶', 2], ['彭', 2], ['徐', 2], ['周', 2], ['邓', 2], ['郑', 2], ['何', 2], ['宋', 1], ['蔡', 1], ['袁', 1],
  ['卢', 1], ['康', 1], ['蓝', 1], ['严', 1], ['管', 1], ['魏', 1], ['易', 1], ['孙', 1], ['余', 1], ['汪', 1],
];
const GIVEN = '建国华明伟军强平辉勇斌林森春生秋云海峰志红英芳兰秀丽玲萍燕霞凤梅桂金银文武德福寿贵荣发财永长青松柏杉桦桐荣新兴光亮东南祥瑞鹏飞宏宇振宁';

export function personName(random: Random): string {
  const surname = random.weighted(SURNAMES);
  const length = random.chance(0.72) ? 2 : 1;
  let given = '';
  for (let i = 0; i < length; i++) given += random.pick([...GIVEN]);
  return surname + given;
}

const PHONE_PREFIXES = ['139', '138', '137', '136', '135', '158', '159', '188', '187', '198', '182', '183'];

/** Plausible but synthetic mobile numbers, never repeated within one demo county. */
export function phoneNumbers(random: Random) {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const phone = random.pick(PHONE_PREFIXES) + String(random.int(0, 99_999_999)).padStart(8, '0');
      if (!used.has(phone)) {
        used.add(phone);
        return phone;
      }
    }
  };
}

export function idCardLast4(random: Random): string {
  return String(random.int(0, 999)).padStart(3, '0') + random.pick(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']);
}
