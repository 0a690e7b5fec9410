/**
 * A rule file's header comment, read as data: the first line names the rule
 * (`id — what it checks`), prose explains it, `@act` says how to act on a
 * finding, `@severity` lists the severities when the rule uses more than its
 * default, and `@previous` / `@ok` / `@not-ok LOCATION` blocks are example
 * reports (plain text) that test/audit/rule-examples.test.ts runs and
 * scripts/rule-docs.ts prints.
 */
export interface Example {
  kind: 'ok' | 'not-ok' | 'previous';
  location: string | null;
  text: string;
}

export interface RuleHeader {
  id: string | null;
  /** the paragraphs before the first tag, without the leading `id — ` */
  prose: string;
  act: string | null;
  severity: string | null;
  examples: Example[];
}

const EXAMPLE_KINDS = new Set(['ok', 'not-ok', 'previous']);

interface Block {
  tag: string | null;
  arg: string;
  lines: string[];
}

/** The header's lines cut at each `@tag` line: the untagged prose first, then one block per tag. */
function blocks(source: string): Block[] {
  const header = /\/\*\*([\s\S]*?)\*\//.exec(source)?.[1] ?? '';
  const out: Block[] = [{ tag: null, arg: '', lines: [] }];
  for (const line of header.split('\n').map((l) => l.replace(/^\s*\* ?/, ''))) {
    const tag = /^@([a-z-]+)\b\s*(.*)$/.exec(line.trim());
    if (tag) out.push({ tag: tag[1]!, arg: tag[2]!.trim(), lines: [] });
    else out.at(-1)!.lines.push(line);
  }
  return out;
}

const paragraph = (lines: string[]) => lines.join('\n').trim();

export function parseRuleHeader(source: string): RuleHeader {
  const [prose, ...tagged] = blocks(source);
  const text = paragraph(prose!.lines);
  const id = /^([a-z-]+\/[a-z-]+) — /.exec(text)?.[1] ?? null;
  const tag = (name: string) => {
    const b = tagged.find((t) => t.tag === name);
    return b ? paragraph([b.arg, ...b.lines]) : null;
  };
  return {
    id,
    prose: id ? text.slice(id.length + 3) : text,
    act: tag('act'),
    severity: tag('severity'),
    examples: tagged
      .filter((b) => EXAMPLE_KINDS.has(b.tag!))
      .map((b) => ({
        kind: b.tag as Example['kind'],
        location: b.arg || null,
        text: b.lines.map((l) => `${l}\n`).join(''),
      })),
  };
}
