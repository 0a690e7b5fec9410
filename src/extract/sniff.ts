export type SniffedKind = 'pdf' | 'zip' | 'ole' | 'rtf' | 'html' | 'text' | 'empty' | 'binary';

const startsWith = (bytes: Uint8Array, sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);

/** What a file is, judged by its bytes: scraped files carry wrong extensions (a .doc that is HTML). */
export function sniff(bytes: Uint8Array): SniffedKind {
  if (bytes.length === 0 || bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) return 'empty';
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (/^\s*\{\\rtf/.test(head)) return 'rtf';
  const sample = bytes.subarray(0, 8192);
  let controls = 0;
  for (const b of sample) if (b < 0x09 || (b > 0x0d && b < 0x20)) controls++;
  if (controls / sample.length > 0.01 && !isUtf16(bytes)) return 'binary';
  const text = decodeHead(bytes);
  if (/<(!doctype\s+html|html|head|body|meta|table|p|div)[\s>]/i.test(text)) return 'html';
  return 'text';
}

function isUtf16(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
}

function decodeHead(bytes: Uint8Array): string {
  const sample = Buffer.from(bytes.subarray(0, 8192));
  return isUtf16(bytes)
    ? new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(sample)
    : sample.toString('latin1');
}
