import { describe, expect, it } from 'vitest';
import { attachment, encodeRfc5987 } from './content-disposition.ts';
import { truncateBytes } from './service.ts';

describe('export files', () => {
  it('cuts long text to 254 bytes without splitting a Chinese character', () => {
    const text = '林'.repeat(100); // 300 bytes in UTF-8
    const cut = truncateBytes(text, 254);
    expect(Buffer.byteLength(cut)).toBe(252);
    expect(cut).toBe('林'.repeat(84));
  });
});

describe('download file names', () => {
  it('carry the Chinese name as RFC 5987 filename* with an ASCII fallback', () => {
    const header = attachment('小班-水东镇-20261123.zip');
    expect(header).toBe(`attachment; filename="_-_-20261123.zip"; filename*=UTF-8''${encodeURIComponent('小班-水东镇-20261123.zip')}`);
    expect(encodeRfc5987("a'b(c)*!")).toBe('a%27b%28c%29%2A%21');
    expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe('小班-水东镇-20261123.zip');
  });
});
