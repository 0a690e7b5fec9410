import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { losslessName, nameBytes } from '../../src/model/file-name.js';

const bytesOf = (name: string) => {
  const b = nameBytes(name);
  return typeof b === 'string' ? Buffer.from(b, 'utf8') : b;
};

describe('lossless file names', () => {
  it('leaves a valid UTF-8 name as it is', () => {
    for (const name of ['2023年报告.pdf', 'a b.txt', 'back\\slash.txt', '\\x4.txt', 'emoji😀.html'])
      expect(losslessName(Buffer.from(name))).toBe(name);
  });

  it('writes each invalid byte as \\xNN, and a backslash that reads as an escape as \\x5C', () => {
    const gbk = Buffer.from([0xb1, 0xa8, 0xb8, 0xe6, 0x2e, 0x70, 0x64, 0x66]); // 报告.pdf in GBK
    expect(losslessName(gbk)).toBe('\\xB1\\xA8\\xB8\\xE6.pdf');
    expect(losslessName(Buffer.from('a\\xB1.txt'))).toBe('a\\x5CxB1.txt');
    expect(losslessName(Buffer.from([0xff, 0x5c, 0x78, 0x41, 0x41]))).toBe('\\xFF\\x5CxAA');
    expect(nameBytes('plain.txt')).toBe('plain.txt');
  });

  it('gives back the exact bytes of any name', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        expect([...bytesOf(losslessName(bytes))]).toEqual([...bytes]);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('\\', 'x', 'A', 'f', '0', '年', 'z') }), (name) => {
        expect(bytesOf(losslessName(Buffer.from(name))).toString('utf8')).toBe(name);
      }),
    );
  });
});
