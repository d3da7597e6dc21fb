import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding, encodingFromCpg, encodingFromLanguageDriver, UndecodableText } from './encoding.ts';

const gbk = (s: string) => new Uint8Array(iconv.encode(s, 'gbk'));
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

describe('detecting the encoding of attribute text', () => {
  it('GBK text is GBK', () => {
    expect(detectEncoding([gbk('乔木林地'), gbk('杉木'), utf8('0111')])).toEqual({ encoding: 'gbk', asciiOnly: false });
  });

  it('UTF-8 text is UTF-8', () => {
    expect(detectEncoding([utf8('乔木林地'), utf8('水东镇')])).toEqual({ encoding: 'utf-8', asciiOnly: false });
  });

  it('ASCII alone decides nothing (either reads it)', () => {
    expect(detectEncoding([utf8('LIN_BAN'), utf8('0111')])).toEqual({ encoding: 'utf-8', asciiOnly: true });
  });

  it('bytes that are neither are unknown', () => {
    expect(detectEncoding([new Uint8Array([0xff, 0xfe, 0xff])]).encoding).toBeNull();
  });
});

describe('decoding is strict', () => {
  it('GBK bytes read as UTF-8 are an error, not mojibake', () => {
    expect(() => decodeText(gbk('水东镇'), 'utf-8')).toThrow(UndecodableText);
    expect(decodeText(gbk('水东镇'), 'gbk')).toBe('水东镇');
  });
});

describe('declared encodings', () => {
  it('.cpg names in the wild', () => {
    for (const name of ['UTF-8', 'utf8', '65001']) expect(encodingFromCpg(name)).toBe('utf-8');
    for (const name of ['GBK', 'CP936', '936', 'ANSI 936', 'GB2312', 'gb18030']) expect(encodingFromCpg(name)).toBe('gbk');
    expect(encodingFromCpg('OEM')).toBeNull();
  });

  it('the DBF language driver for code page 936', () => {
    expect(encodingFromLanguageDriver(0x4d)).toBe('gbk');
    expect(encodingFromLanguageDriver(0x7a)).toBe('gbk');
    expect(encodingFromLanguageDriver(0x00)).toBeNull();
  });
});
