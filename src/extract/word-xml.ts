const WORD_2003_XML = /<\?mso-application\s+progid="Word\.Document"\?>|<w:wordDocument[\s>]/;

/**
 * Word 2003 XML ("Save as XML"), often served with a .doc name: to a byte
 * sniffer it is just text. Kept apart from docx.ts so that checking costs no
 * mammoth load.
 */
export function isWordXml(bytes: Uint8Array): boolean {
  return WORD_2003_XML.test(Buffer.from(bytes.subarray(0, 4096)).toString('latin1'));
}
