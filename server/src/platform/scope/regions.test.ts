import { describe, expect, it } from 'vitest';
import { isWithin, levelOf, outermost, scopePatterns, subtreePrefix } from './regions.ts';

describe('region subtrees', () => {
  it('reads the level from the zero padding', () => {
    expect(levelOf('360000000000')).toBe(1);
    expect(levelOf('360700000000')).toBe(2);
    expect(levelOf('360702000000')).toBe(3);
    expect(levelOf('360702101000')).toBe(4);
    expect(levelOf('360702101001')).toBe(5);
  });

  it('matches a subtree by prefix and nothing beside it', () => {
    expect(subtreePrefix('360702101000')).toBe('360702101');
    expect(isWithin('360702101007', '360702101000')).toBe(true);
    expect(isWithin('360702100007', '360702101000')).toBe(false);
    expect(isWithin('360702101000', '360702000000')).toBe(true);
    expect(isWithin('360703101000', '360702000000')).toBe(false);
  });

  it('keeps only outermost roots and turns them into LIKE patterns', () => {
    const roots = outermost(['360702101001', '360702101000', '360702100000', '360702101000']);
    expect(roots).toEqual(['360702100000', '360702101000']);
    expect(scopePatterns(roots)).toEqual(['360702100%', '360702101%']);
  });
});
