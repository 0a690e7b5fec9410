import type { UnreadableDocument } from '../../model/ir.js';

/** What the OCR child (child.ts) tells the parse worker, one JSON object a line of its stdout. */
export type OcrMessage =
  | { type: 'pages'; pages: number }
  | { type: 'done'; doc: unknown }
  | { type: 'unreadable'; message: string; reason: UnreadableDocument['reason'] }
  | { type: 'error'; message: string };

/** A line of stdout that is one of ours: libraries may print to stdout too. */
export const MESSAGE_PREFIX = '\u0001nianbao-ocr ';
