import { describe, expect, it } from 'vitest';
import { JsonFeatureScanner } from './json-scan.ts';

/** Feeds `text` in pieces of `size` characters; returns everything the scanner found. */
function scan(text: string, size = text.length, maxValueChars = 1e6, maxItems = Infinity) {
  const scanner = new JsonFeatureScanner(maxValueChars, maxItems);
  const items: unknown[] = [];
  for (let i = 0; i < text.length; i += size) items.push(...scanner.push(text.slice(i, i + size)));
  scanner.end();
  return { items, members: Object.fromEntries(scanner.members), hasFeatureArray: scanner.hasFeatureArray, root: scanner.root };
}

const tricky = {
  type: 'FeatureCollection',
  name: '带 "引号" 和 \\ 反斜杠 {的} [名称]',
  crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4490' } },
  features: [
    { type: 'Feature', geometry: { type: 'Point', coordinates: [114.9, 25.8] }, properties: { 名称: '}]"\\', n: -1.5e-3, ok: true, none: null } },
    { type: 'Feature', geometry: null, properties: { list: [[1, 2], { a: '[' }], emoji: '𠀀\u2028' } },
  ],
  bbox: [1, 2, 3, 4],
};

describe('a GeoJSON read feature by feature', () => {
  it('gives the features and the other members whatever the pieces the text arrives in', () => {
    const text = `\uFEFF ${JSON.stringify(tricky, null, 1)}\n`;
    const whole = scan(text);
    expect(whole.items).toEqual(tricky.features);
    expect(whole.members).toEqual({ type: tricky.type, name: tricky.name, crs: tricky.crs, bbox: tricky.bbox });
    expect(whole.hasFeatureArray).toBe(true);
    for (let size = 1; size <= 40; size++) expect(scan(text, size)).toEqual(whole);
  });

  it('keeps a root that is one Feature, a bare geometry or not an object at all', () => {
    expect(scan('{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{}}', 3)).toMatchObject({ items: [], hasFeatureArray: false, members: { type: 'Feature' } });
    expect(scan('{"type":"Point","coordinates":[1,2]}').members).toEqual({ type: 'Point', coordinates: [1, 2] });
    expect(scan('[1, 2]').root).toEqual([1, 2]);
    expect(scan(' 42 ', 1).root).toBe(42);
    expect(scan('{"features":[]}')).toMatchObject({ items: [], hasFeatureArray: true });
  });

  it('refuses what is not JSON, saying where', () => {
    const refuse = (text: string) => {
      try {
        scan(text, 7);
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(refuse('{"features":[{"a":1},]}')).toContain('缺少要素');
    expect(refuse('{"features":[{"a":1} {"b":2}]}')).toContain('要素之间应为“,”或“]”');
    expect(refuse('{"features":[{"a":1}, {"b":tru}]}')).toContain('第 2 个要素');
    expect(refuse('{"type":"FeatureCollection" "features":[]}')).toContain('应为“,”或“}”');
    expect(refuse('{type:1}')).toContain('应为字段名');
    expect(refuse('{"features":[{"a":1}')).toContain('GeoJSON 不完整');
    expect(refuse('{"a":"unterminated')).toContain('GeoJSON 不完整');
    expect(refuse('{} {}')).toContain('多余的内容');
  });

  it('stops at the first feature past the limit, in the middle of a piece of text, before what follows', () => {
    const text = '{"features":[{"a":1},{"a":2},{"a":3}, and then nothing readable';
    expect(() => scan(text, text.length, 1e6, 2)).toThrow('要素数量超过 2 个的上限');
    expect(() => scan(text, text.length, 1e6, 3)).toThrow('GeoJSON 不是有效的 JSON');
  });

  it('refuses a feature longer than the limit while reading it', () => {
    const big = JSON.stringify({ features: [{ a: 'x'.repeat(50) }, { a: 'y'.repeat(500) }] });
    expect(() => scan(big, 16, 200)).toThrow(/第 2 个要素超过/);
    expect(scan(big, 16, 600).items).toHaveLength(2);
  });
});
