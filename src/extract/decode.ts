import iconv from 'iconv-lite';
import jschardet from 'jschardet';

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

const ALIASES: Record<string, string> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  'gb_2312-80': 'gb18030',
  ascii: 'utf-8',
  'us-ascii': 'utf-8',
};

function canonical(label: string): string | null {
  const name = label.trim().toLowerCase();
  const mapped = ALIASES[name] ?? name;
  return iconv.encodingExists(mapped) ? mapped : null;
}

function declaredCharset(head: string): string | null {
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head) ?? /encoding\s*=\s*["']([\w-]+)["']/i.exec(head);
  return m ? canonical(m[1]!) : null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}

export interface Decoded {
  text: string;
  encoding: string;
  /** how the encoding was chosen: bom, declared, detected */
  by: 'bom' | 'declared' | 'detected';
}

/**
 * Decodes a web page or text file: BOM, then the page's own declaration, then
 * detection. GB2312 and GBK are decoded as GB18030, their superset: pages
 * labelled GB2312 routinely use GBK-only characters.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  for (const [bom, encoding] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b))
      return { text: iconv.decode(Buffer.from(bytes.subarray(bom.length)), encoding), encoding, by: 'bom' };
  }
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const declared = declaredCharset(head);
  // bytes that are valid UTF-8 with characters beyond ASCII are UTF-8 whatever the page says (browsers agree in effect):
  // read as GBK they would be mojibake, and GBK text is almost never valid UTF-8 by chance
  if (declared && declared !== 'utf-8' && hasNonAscii(bytes) && isValidUtf8(bytes))
    return { text: Buffer.from(bytes).toString('utf-8'), encoding: 'utf-8', by: 'detected' };
  if (declared && !(declared === 'utf-8' && !isValidUtf8(bytes))) {
    return { text: iconv.decode(Buffer.from(bytes), declared), encoding: declared, by: 'declared' };
  }
  if (isValidUtf8(bytes)) return { text: Buffer.from(bytes).toString('utf-8'), encoding: 'utf-8', by: 'detected' };
  const guess = jschardet.detect(Buffer.from(bytes.subarray(0, 65536)) as unknown as string);
  const encoding = (guess.encoding && canonical(guess.encoding)) || 'gb18030';
  return { text: iconv.decode(Buffer.from(bytes), encoding), encoding, by: 'detected' };
}

/** Share of characters that decoding could not map: mojibake shows up as U+FFFD. */
export function replacementShare(text: string): number {
  if (!text.length) return 0;
  let bad = 0;
  for (const ch of text) if (ch === '\ufffd' || (ch >= '\ue000' && ch <= '\uf8ff')) bad++;
  return bad / text.length;
}
