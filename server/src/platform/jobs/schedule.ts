/**
 * When a recurring kind of job is due, in China time (Asia/Shanghai): daily at a time (an
 * escalation sweep at 08:00), or monthly on a day at a time (the patrol sheet on the 1st at 06:00).
 * A day after the 28th would skip February, so a monthly day is 1–28.
 */
export type Schedule = { every: 'day'; at: string } | { every: 'month'; day: number; at: string };

// China has kept UTC+8 without daylight saving since 1991, so Asia/Shanghai is a fixed offset.
const CHINA_OFFSET_MS = 8 * 3600_000;
const AT = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Throws on a schedule no clock can keep, when a module registers its kind (not at the first run). */
export function checkSchedule(schedule: Schedule): void {
  if (!AT.test(schedule.at)) throw new Error(`schedule time must be HH:MM (China time), got "${schedule.at}"`);
  if (schedule.every === 'month' && !(Number.isInteger(schedule.day) && schedule.day >= 1 && schedule.day <= 28)) {
    throw new Error(`a monthly schedule's day must be 1–28, got ${schedule.day}`);
  }
}

/** The first time strictly after `after` that the schedule is due. */
export function nextOccurrence(schedule: Schedule, after: Date): Date {
  const [, hh, mm] = AT.exec(schedule.at)!;
  // Work on China's wall clock as if it were UTC, then shift back.
  const wall = new Date(after.getTime() + CHINA_OFFSET_MS);
  const y = wall.getUTCFullYear();
  const m = wall.getUTCMonth();
  const at = (year: number, month: number, day: number) => new Date(Date.UTC(year, month, day, Number(hh), Number(mm)) - CHINA_OFFSET_MS);
  if (schedule.every === 'day') {
    const today = at(y, m, wall.getUTCDate());
    return today > after ? today : at(y, m, wall.getUTCDate() + 1);
  }
  const thisMonth = at(y, m, schedule.day);
  return thisMonth > after ? thisMonth : at(y, m + 1, schedule.day);
}

/** The dedupe key that makes an occurrence queued once, whichever server gets there first. */
export function occurrenceKey(kind: string, at: Date): string {
  const wall = new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16);
  return `${kind}@${wall}+08:00`;
}
