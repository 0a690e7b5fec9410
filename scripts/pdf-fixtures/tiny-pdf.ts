/**
 * A minimal PDF writer for fixtures no office suite makes on purpose: text in
 * a non-embedded CID font (STSong-Light / UniGB-UCS2-H, as old Acrobat and
 * iText reports have), Latin-1 mojibake, and scans (JPEG pages, no text).
 */

export interface TinyPage {
  width: number;
  height: number;
  content: string;
  /** a JPEG drawn over the whole page */
  jpeg?: { data: Buffer; width: number; height: number };
}

export type FontKind = 'stsong' | 'helvetica';

function fontObjects(kind: FontKind, first: number): string[] {
  if (kind === 'helvetica')
    return [`<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>`];
  return [
    `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [${first + 1} 0 R] >>`,
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor ${first + 2} 0 R /DW 1000 /W [1 95 500] >>`,
    `<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>`,
  ];
}

/** Text as a PDF string operand for the font: UTF-16BE hex for UniGB-UCS2-H, Latin-1 bytes otherwise. */
export function pdfString(text: string, kind: FontKind): string {
  if (kind === 'stsong') return `<${Buffer.from(text, 'utf16le').swap16().toString('hex')}>`;
  return `<${Buffer.from(text, 'latin1').toString('hex')}>`;
}

export function tinyPdf(pages: TinyPage[], font: FontKind, info: Record<string, string> = {}): Buffer {
  const objects: (string | Buffer)[] = [];
  const add = (body: string | Buffer) => objects.push(body) + 0;
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add('PAGES');
  const fontIds = fontObjects(font, 3).map((o) => add(o));
  const kids: number[] = [];
  for (const page of pages) {
    let xobject = '';
    let content = page.content;
    if (page.jpeg) {
      const { data, width, height } = page.jpeg;
      const head = `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${data.length} >>\nstream\n`;
      const id = add(Buffer.concat([Buffer.from(head, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]));
      xobject = ` /XObject << /Im0 ${id} 0 R >>`;
      content = `q ${page.width} 0 0 ${page.height} 0 0 cm /Im0 Do Q\n${content}`;
    }
    const stream = add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${page.width} ${page.height}] /Resources << /Font << /F1 ${fontIds[0]} 0 R >>${xobject} >> /Contents ${stream} 0 R >>`,
      ),
    );
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const infoEntries = Object.entries(info).map(
    ([k, v]) =>
      `/${k} ${/^[\x20-\x7e]*$/.test(v) ? `(${v})` : `<feff${Buffer.from(v, 'utf16le').swap16().toString('hex')}>`}`,
  );
  const infoId = add(`<< ${infoEntries.join(' ')} >>`);
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    const chunk = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    offsets.push(offset);
    offset += chunk.length;
    chunks.push(chunk);
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
  ].join('');
  chunks.push(
    Buffer.from(
      `${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${infoId} 0 R >>\nstartxref\n${offset}\n%%EOF\n`,
      'latin1',
    ),
  );
  return Buffer.concat(chunks);
}

/** Content-stream text at (x, y) in PDF coordinates. */
export function textAt(x: number, y: number, size: number, text: string, font: FontKind): string {
  return `BT /F1 ${size} Tf ${x} ${y} Td ${pdfString(text, font)} Tj ET\n`;
}

/** A ruled grid, stroked segment by segment as LibreOffice does; `skip` lists [row, col] walls left out to merge cells. */
export function ruledGrid(
  xs: number[],
  ys: number[],
  merged: { row: number; col: number; rowSpan: number; colSpan: number }[],
): string {
  const inside = (r: number, c: number) =>
    merged.find((m) => r >= m.row && r < m.row + m.rowSpan && c >= m.col && c < m.col + m.colSpan);
  let out = '0.5 w\n';
  for (let r = 0; r <= ys.length - 1; r++) {
    for (let c = 0; c < xs.length - 1; c++) {
      const m = r > 0 && r < ys.length - 1 ? inside(r - 1, c) : undefined;
      if (m && m === inside(r, c)) continue;
      out += `${xs[c]} ${ys[r]} m ${xs[c + 1]} ${ys[r]} l S\n`;
    }
  }
  for (let c = 0; c <= xs.length - 1; c++) {
    for (let r = 0; r < ys.length - 1; r++) {
      const m = c > 0 && c < xs.length - 1 ? inside(r, c - 1) : undefined;
      if (m && m === inside(r, c)) continue;
      out += `${xs[c]} ${ys[r]} m ${xs[c]} ${ys[r + 1]} l S\n`;
    }
  }
  return out;
}
