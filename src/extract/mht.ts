import iconv from 'iconv-lite';
import type { DocumentIR } from '../model/ir.js';
import { UnreadableDocument } from '../model/ir.js';
import { decodeText } from './decode.js';
import { htmlToDocument } from './html.js';

/**
 * Word's "single file web page" (MHTML), often published with a .doc name. Its
 * HTML part is quoted-printable in the page's own charset (GB2312 on older
 * sites), so read raw it is mojibake with `=3D` everywhere.
 */

const HEAD = /^\s*(?:[\w-]+:[^\n]*\n)*?MIME-Version:\s*1\.0[\s\S]{0,2000}?Content-Type:\s*multipart\/related/i;

export function isMht(bytes: Uint8Array): boolean {
  return HEAD.test(Buffer.from(bytes.subarray(0, 4096)).toString('latin1').replace(/\r\n/g, '\n'));
}

interface Part {
  headers: Map<string, string>;
  body: string;
}

function parsePart(raw: string): Part {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const headers = new Map<string, string>();
  // folded header lines continue with whitespace
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '') };
}

function parameter(header: string | undefined, name: string): string | null {
  const m = header && new RegExp(`${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(header);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

function quotedPrintable(body: string): Buffer {
  const joined = body.replace(/=\r?\n/g, '');
  return Buffer.from(
    joined.replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  );
}

function partBytes(part: Part): Buffer {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  if (encoding === 'quoted-printable') return quotedPrintable(part.body);
  if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64');
  return Buffer.from(part.body, 'latin1');
}

function partText(part: Part): string {
  const bytes = partBytes(part);
  const charset = parameter(part.headers.get('content-type'), 'charset');
  return charset && iconv.encodingExists(charset) ? iconv.decode(bytes, charset) : decodeText(bytes).text;
}

/** MHTML bytes → DocumentIR of its first HTML part. */
export function mhtToDocument(bytes: Uint8Array): DocumentIR {
  const raw = Buffer.from(bytes).toString('latin1');
  const top = parsePart(raw);
  const boundary = parameter(top.headers.get('content-type'), 'boundary');
  const parts = boundary ? top.body.split(`--${boundary}`).map(parsePart) : [top];
  const html = parts.find((p) => /^text\/html/i.test(p.headers.get('content-type') ?? ''));
  if (!html) throw new UnreadableDocument('MHT 网页文件中没有 HTML 部分', 'corrupt');
  const doc = htmlToDocument(partText(html));
  doc.diagnostics.push({
    code: 'extract/mht',
    message: `single-file web page (MHTML), HTML part ${parameter(html.headers.get('content-type'), 'charset') ?? 'charset detected'}`,
  });
  return doc;
}
