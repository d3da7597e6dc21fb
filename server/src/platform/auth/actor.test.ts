import { describe, expect, it } from 'vitest';
import { grantsOf } from './actor.ts';

describe('grants', () => {
  it('gives each permission only the subtrees of the posts that carry it', () => {
    const grants = grantsOf([
      { id: 1, postType: 'ranger', regionCode: '360702100003', title: null, permissions: ['map.read'] },
      { id: 2, postType: 'office_admin', regionCode: '360702101000', title: null, permissions: ['map.read', 'people.write'] },
    ]);
    expect(grants.get('people.write')).toEqual(['360702101000']);
    expect(grants.get('map.read')).toEqual(['360702100003', '360702101000']);
  });

  it('ignores permission names the code does not know', () => {
    const grants = grantsOf([{ id: 1, postType: 'x', regionCode: '360702101000', title: null, permissions: ['root.everything'] }]);
    expect([...grants.keys()]).toEqual([]);
  });

  it('collapses nested regions into the outer one', () => {
    const grants = grantsOf([
      { id: 1, postType: 'forest_chief', regionCode: '360702000000', title: null, permissions: ['map.read'] },
      { id: 2, postType: 'forest_chief', regionCode: '360702101000', title: null, permissions: ['map.read'] },
    ]);
    expect(grants.get('map.read')).toEqual(['360702000000']);
  });
});
