/**
 * File names that are not valid UTF-8 (GBK names from archives unzipped on
 * Linux) as text, without loss: the valid UTF-8 parts as they are, each
 * byte that is not part of a valid UTF-8 sequence as `\xNN` (two upper-case
 * hex digits), and a backslash that would read as such an escape (`\x`
 * followed by two hex digits in the real name) as `\x5C`. A name that is
 * valid UTF-8 and holds no such backslash, i.e. nearly every name, is
 * unchanged. `nameBytes` turns the text back into the exact bytes.
 */
const ESCAPE = /\\x[0-9a-fA-F]{2}/;
const ESCAPES = /\\x([0-9a-fA-F]{2})/g;
const hex = (byte: number) => `\\x${byte.toString(16).toUpperCase().padStart(2, '0')}`;

/** Length of the valid UTF-8 sequence starting at `at`, or 0 when the byte there does not start one. */
function sequenceLength(bytes: Uint8Array, at: number): number {
  const b = bytes[at]!;
  if (b < 0x80) return 1;
  const [n, min, max] =
    b >= 0xc2 && b <= 0xdf
      ? [2, 0x80, 0xbf]
      : b === 0xe0
        ? [3, 0xa0, 0xbf]
        : b === 0xed
          ? [3, 0x80, 0x9f]
          : b >= 0xe1 && b <= 0xef
            ? [3, 0x80, 0xbf]
            : b === 0xf0
              ? [4, 0x90, 0xbf]
              : b === 0xf4
                ? [4, 0x80, 0x8f]
                : b >= 0xf1 && b <= 0xf3
                  ? [4, 0x80, 0xbf]
                  : [0, 0, 0];
  if (!n || at + n > bytes.length) return 0;
  if (bytes[at + 1]! < min || bytes[at + 1]! > max) return 0;
  for (let i = 2; i < n; i++) if (bytes[at + i]! < 0x80 || bytes[at + i]! > 0xbf) return 0;
  return n;
}

export function losslessName(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // the valid parts, with a backslash that reads as an escape escaped itself; each invalid byte escaped
  const valid = (from: number, to: number) =>
    buffer.toString('utf8', from, to).replace(ESCAPES, (m) => `\\x5C${m.slice(1)}`);
  let out = '';
  let start = 0;
  let at = 0;
  while (at < buffer.length) {
    const n = sequenceLength(buffer, at);
    if (n) at += n;
    else {
      out += valid(start, at) + hex(buffer[at]!);
      start = ++at;
    }
  }
  return out + valid(start, buffer.length);
}

/** The name's real bytes: a string when it has no escape (the common case), else the bytes to open it by. */
export function nameBytes(name: string): string | Buffer {
  if (!ESCAPE.test(name)) return name;
  const parts: Buffer[] = [];
  let last = 0;
  for (const m of name.matchAll(ESCAPES)) {
    parts.push(Buffer.from(name.slice(last, m.index), 'utf8'), Buffer.from([Number.parseInt(m[1]!, 16)]));
    last = m.index + m[0].length;
  }
  parts.push(Buffer.from(name.slice(last), 'utf8'));
  return Buffer.concat(parts);
}
