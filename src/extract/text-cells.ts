import type { DrawnCell } from './grid.js';
import { cleanText } from './text-normalize.js';
import { type CellKind, cellKind, isBareRowLabel, joinsHeader } from './text-vocabulary.js';

export interface CellToken {
  text: string;
  kind: CellKind;
}
type Token = CellToken;

interface Row {
  header: boolean;
  cells: string[];
  /** a value or blank cell was placed after the labels: the next label starts a new row (a blank ends a header row too) */
  valued: boolean;
}

const isLabel = (k: CellKind) => k === 'caption' || k === 'header' || k === 'row' || k === 'text';

function nextFilled(tokens: Token[], i: number): Token | undefined {
  for (let j = i + 1; j < tokens.length; j++) if (tokens[j]!.kind !== 'blank') return tokens[j];
  return undefined;
}

/** Header text a cell broke over two lines (「本年新」「公开数量」, 「商业」「企业」) becomes one cell again. */
function joinHeaderFragments(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const last = out[out.length - 1];
    if (last && isLabel(last.kind) && isLabel(t.kind) && joinsHeader(last.text, t.text)) {
      out[out.length - 1] = { text: last.text + t.text, kind: 'header' };
    } else out.push(t);
  }
  return out;
}

/**
 * A table written one cell per line (a DOCX saved as text, a page copied as
 * text) back into rows. The template says which lines are labels: a row label
 * and the group labels before it open a data row and the value lines after it
 * fill it; captions and column labels form header rows; values that follow a
 * header directly (表四) form a row without a label. A line the template does
 * not know is a row label when values follow it (a mistyped label), else header.
 */
export function rowsFromCells(texts: string[]): DrawnCell[][] {
  return rowsFromTokens(texts.map((t) => ({ text: cleanText(t), kind: cellKind(t) })));
}

/** Rows from cells whose kinds are already known (the flattened-text reader knows its digit runs). */
export function rowsFromTokens(input: CellToken[]): DrawnCell[][] {
  const tokens = joinHeaderFragments(input);
  const rows: Row[] = [];
  const current = () => rows[rows.length - 1];
  const open = (header: boolean, text: string) => rows.push({ header, cells: [text], valued: false });
  tokens.forEach((t, i) => {
    const row = current();
    let kind = t.kind;
    if (kind === 'text' || kind === 'header') {
      const followedByValue = nextFilled(tokens, i)?.kind === 'value';
      const inData = row && !row.header && row.valued;
      if (followedByValue && (kind === 'text' || (inData && isBareRowLabel(t.text)))) kind = 'row';
    }
    switch (kind) {
      case 'caption':
        open(true, t.text);
        break;
      case 'header':
      case 'text':
        if (row?.header && !row.valued && !/^第/.test(row.cells[0]!) && !row.cells.includes(t.text))
          row.cells.push(t.text);
        else open(true, t.text);
        break;
      case 'row':
        if (row && !row.header && !row.valued) row.cells.push(t.text);
        else open(false, t.text);
        break;
      case 'value':
        if (row && !row.header) {
          row.cells.push(t.text);
          row.valued = true;
        } else {
          rows.push({ header: false, cells: [t.text], valued: true });
        }
        break;
      case 'blank':
        if (row) {
          row.cells.push('');
          row.valued = true;
        }
        break;
    }
  });
  return rows.map((r) => r.cells.map((text) => ({ text })));
}

/** A row that only continues the header cells above it (「企业 | 机构 |」 under 「商业 | 科研 |」) joins them. */
export function joinHeaderRows(rows: DrawnCell[][]): DrawnCell[][] {
  const out: DrawnCell[][] = [];
  for (const row of rows) {
    const prev = out[out.length - 1];
    const filled = row.filter((c) => c.text);
    const continues =
      prev &&
      filled.length > 0 &&
      row.every((c, i) => !c.text || (prev[i]?.text && joinsHeader(prev[i]!.text, c.text)));
    if (continues) {
      out[out.length - 1] = prev.map((c, i) => (row[i]?.text ? { text: c.text + row[i]!.text } : c));
    } else out.push(row);
  }
  return out;
}
