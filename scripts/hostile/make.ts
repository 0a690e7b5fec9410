/**
 * Hostile inputs, made at test time (nothing large is committed): documents
 * that name network addresses, bombs, files that lie about their type,
 * injection strings in names and cells, special files. Run on its own:
 * `npx tsx scripts/hostile/make.ts DIR [http://127.0.0.1:PORT]`.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

const REPORT_TITLE = '某县测试局2023年政府信息公开工作年度报告';

const ODT_MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>`;

/** An OpenDocument text whose only picture is a link to `url` (LibreOffice fetched it on conversion). */
export function linkedImageOdt(url: string): Uint8Array {
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.2">
<office:body><office:text><text:p>${REPORT_TITLE}</text:p>
<text:p><draw:frame draw:name="i" text:anchor-type="as-char" svg:width="2cm" svg:height="2cm"><draw:image xlink:href="${url}/odt.png" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/></draw:frame></text:p>
<text:p><text:a xlink:type="simple" xlink:href="${url}/odt-link">链接</text:a></text:p>
</office:text></office:body></office:document-content>`;
  return zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
    'content.xml': strToU8(content),
    'META-INF/manifest.xml': strToU8(ODT_MANIFEST),
  });
}

/** RTF with a linked picture field, a linked OLE object and a hyperlink field, all naming `url`. */
export function linkedImageRtf(url: string): Uint8Array {
  const title = [...REPORT_TITLE].map((c) => `\\u${c.charCodeAt(0)}?`).join('');
  return strToU8(`{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 SimSun;}}
\\pard ${title}\\par
{\\field{\\*\\fldinst INCLUDEPICTURE "${url}/rtf.png" \\\\d}{\\fldrslt }}\\par
{\\field{\\*\\fldinst INCLUDETEXT "${url}/rtf.txt"}{\\fldrslt }}\\par
{\\field{\\*\\fldinst HYPERLINK "${url}/rtf-link"}{\\fldrslt link}}\\par
{\\object\\objautlink\\rsltpict{\\*\\objclass Word.Document.8}{\\*\\objdata }{\\*\\linkself ${url}/rtf-ole}}\\par
}
`);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`;
const W_NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A DOCX of the given body XML, with optional extra document relationships and a prologue before the root. */
export function docx(body: string, options: { rels?: string; prologue?: string; extra?: Zippable } = {}): Uint8Array {
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${options.prologue ?? ''}
<w:document ${W_NS}><w:body>${body}</w:body></w:document>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${options.rels ?? ''}</Relationships>`;
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(ROOT_RELS),
    'word/document.xml': strToU8(document),
    'word/_rels/document.xml.rels': strToU8(rels),
    ...options.extra,
  });
}

const paragraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** A DOCX whose picture and hyperlink are external relationships to `url`. */
export function linkedImageDocx(url: string): Uint8Array {
  const picture = `<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="100" cy="100"/><wp:docPr id="1" name="p"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="1" name="p"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:link="rIdImg"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
  return docx(`${paragraph(REPORT_TITLE)}${picture}`, {
    rels: `<Relationship Id="rIdImg" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="${url}/docx.png" TargetMode="External"/>`,
  });
}

/** A web page that names `url` in every place a browser would fetch from. */
export function linkedHtml(url: string): Uint8Array {
  return strToU8(`<!doctype html><html><head><meta charset="utf-8"><title>${REPORT_TITLE}</title>
<link rel="stylesheet" href="${url}/html.css"><script src="${url}/html.js"></script>
<style>@import url("${url}/import.css"); body{background:url(${url}/bg.png)}</style></head>
<body><h1>${REPORT_TITLE}</h1><img src="${url}/html.png"><iframe src="${url}/frame"></iframe>
<object data="${url}/object"></object><p>一、总体情况</p></body></html>`);
}

/** A PDF whose page content is ordinary and whose actions and annotations name `url`. */
export function linkedPdf(url: string): Uint8Array {
  const objects = [
    `<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /URI /URI (${url}/pdf-open) >> /AA << /WC << /S /Launch /F (${url}/pdf-launch) >> >> >>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> /Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A << /S /URI /URI (${url}/pdf-annot) >> >>] >>`,
    '',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = 'BT /F1 12 Tf 20 100 Td (annual report) Tj ET';
  objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return strToU8(out);
}

/** Every format's document that names `url`, by file name (extensions as a scraper would save them). */
export function networkProbes(url: string): Record<string, Uint8Array> {
  return {
    'linked-image.odt': linkedImageOdt(url),
    'linked-image.rtf': linkedImageRtf(url),
    'linked-image.docx': linkedImageDocx(url),
    'linked-page.html': linkedHtml(url),
    'linked-actions.pdf': linkedPdf(url),
  };
}
