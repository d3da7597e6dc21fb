import { describe, expect, it } from 'vitest';
import { checkSchedule, nextOccurrence, occurrenceKey } from './schedule.ts';

/** A moment given in China time. */
const china = (wall: string) => new Date(`${wall}+08:00`);

describe('recurring jobs are due in China time', () => {
  const daily = { every: 'day', at: '08:00' } as const;
  const monthly = { every: 'month', day: 1, at: '06:00' } as const;

  it('a daily sweep at 08:00: today when it is still before, else tomorrow, whatever the UTC date says', () => {
    expect(nextOccurrence(daily, china('2026-12-03T07:30'))).toEqual(china('2026-12-03T08:00'));
    expect(nextOccurrence(daily, china('2026-12-03T08:00'))).toEqual(china('2026-12-04T08:00'));
    // 01:00 in China is still the previous day in UTC
    expect(nextOccurrence(daily, china('2026-12-04T01:00'))).toEqual(china('2026-12-04T08:00'));
    expect(nextOccurrence(daily, china('2026-12-31T23:59'))).toEqual(china('2027-01-01T08:00'));
  });

  it('a monthly sheet on the 1st at 06:00: across the year’s end, and not twice on the 1st', () => {
    expect(nextOccurrence(monthly, china('2026-12-15T12:00'))).toEqual(china('2027-01-01T06:00'));
    expect(nextOccurrence(monthly, china('2027-01-01T05:59'))).toEqual(china('2027-01-01T06:00'));
    expect(nextOccurrence(monthly, china('2027-01-01T06:00'))).toEqual(china('2027-02-01T06:00'));
    // 1 January 06:00 in China is 31 December 22:00 UTC
    expect(china('2027-01-01T06:00').toISOString()).toBe('2026-12-31T22:00:00.000Z');
  });

  it('names an occurrence by its China time, so every server queues the same one once', () => {
    expect(occurrenceKey('patrol.monthly-sheet', china('2027-01-01T06:00'))).toBe('patrol.monthly-sheet@2027-01-01T06:00+08:00');
  });

  it('refuses schedules no clock keeps', () => {
    expect(() => checkSchedule({ every: 'day', at: '24:00' })).toThrow(/HH:MM/);
    expect(() => checkSchedule({ every: 'month', day: 31, at: '06:00' })).toThrow(/1–28/);
    expect(() => checkSchedule(monthly)).not.toThrow();
  });
});
