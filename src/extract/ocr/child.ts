/**
 * The OCR child process: `node child.js <scan.pdf> <maxPages>` recognises one
 * scan and writes its messages to stdout, one JSON object a line (see
 * OcrMessage). It ends when its stdin closes: the parse worker that started it
 * is gone, and nobody will read the result.
 */
import { readFile } from 'node:fs/promises';
import { UnreadableDocument } from '../../model/ir.js';
import { MESSAGE_PREFIX, type OcrMessage } from './message.js';
import { recogniseScan } from './recognise.js';

function send(message: OcrMessage): Promise<void> {
  return new Promise((done) => process.stdout.write(`${MESSAGE_PREFIX}${JSON.stringify(message)}\n`, () => done()));
}

async function main(): Promise<void> {
  console.log = console.error;
  process.stdin.on('end', () => process.exit(3)).resume();
  const [path, maxPages] = process.argv.slice(2);
  try {
    const bytes = new Uint8Array(await readFile(path!));
    const doc = await recogniseScan(bytes, {
      maxPages: Number(maxPages),
      onOcrStart: (pages) => void send({ type: 'pages', pages }),
    });
    await send({ type: 'done', doc });
  } catch (error) {
    await send(
      error instanceof UnreadableDocument
        ? { type: 'unreadable', message: error.message, reason: error.reason }
        : { type: 'error', message: (error as Error).stack ?? String(error) },
    );
  }
  process.exit(0);
}

await main();
