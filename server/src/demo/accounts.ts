/** The demo sign-ins, as printed at start and listed in the README. */
export const DEMO_ACCOUNTS = [
  { username: 'demo-office', description: '章贡区林长办管理员 (district forest-chief office admin)' },
  { username: 'demo-township', description: '水东镇镇级林长 (a township forest chief of 水东镇)' },
  { username: 'demo-village', description: '水东镇某村村级林长 (a village forest chief in 水东镇)' },
  { username: 'demo-supervisor', description: '水东镇某村监管员 (a supervisor in 水东镇)' },
  { username: 'demo-ranger', description: '水东镇某村护林员 (a ranger in 水东镇)' },
] as const;

export type DemoUsername = (typeof DEMO_ACCOUNTS)[number]['username'];
