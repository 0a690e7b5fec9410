import { dirname, join, normalize } from 'node:path/posix';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { lineOf, parseSource, sourceFiles, walk } from './sources.js';

/**
 * The stages, lowest first; a file may import its own stage and the ones
 * below it, never one above. `audit/narrative` is part of audit. pipeline.ts
 * is one file's pass (extract → structure → audit), which the nightly runner
 * and the CLI wrap, so it sits between audit and them.
 */
const STAGES = ['model', 'extract', 'structure', 'audit', 'pipeline', 'output', 'nightly', 'cli'] as const;
/** Stages a stage must not reach even though they are below it: rules read the model, never the parsers. */
const FORBIDDEN: Partial<Record<(typeof STAGES)[number], string[]>> = { audit: ['extract', 'structure'] };

const stageOf = (file: string) => file.replace(/\.[jt]s$/, '').split('/')[0]!;

interface Import {
  from: string;
  to: string;
  line: number;
}

function importsOf(file: string): Import[] {
  const source = parseSource(file);
  const found: Import[] = [];
  walk(source, (node) => {
    const spec =
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier
        ? node.moduleSpecifier
        : ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword
          ? node.arguments[0]
          : undefined;
    if (!spec || !ts.isStringLiteral(spec) || !spec.text.startsWith('.')) return;
    found.push({ from: file, to: normalize(join(dirname(file), spec.text)), line: lineOf(source, node) });
  });
  return found;
}

function violation({ from, to, line }: Import): string | null {
  const [a, b] = [stageOf(from), stageOf(to)];
  const [ra, rb] = [STAGES.indexOf(a as never), STAGES.indexOf(b as never)];
  const at = `${from}:${line} imports ${to}`;
  if (ra < 0 || rb < 0) return `${at}: a file outside the known stages (${STAGES.join(' < ')})`;
  if (to.startsWith('..')) return `${at}: outside src/`;
  if (rb > ra) return `${at}: ${a} may not import the higher stage ${b}`;
  if (FORBIDDEN[a as keyof typeof FORBIDDEN]?.includes(b)) return `${at}: ${a} reads ${b} only through the model`;
  return null;
}

describe('stages import only downward', () => {
  const imports = sourceFiles().flatMap(importsOf);

  it('finds the imports it checks', () => {
    expect(imports.length).toBeGreaterThan(200);
    expect(imports.some((i) => i.from === 'pipeline.ts' && i.to === 'audit/engine.js')).toBe(true);
  });

  it(`no upward arrow in ${STAGES.join(' < ')}`, () => {
    expect(imports.map(violation).filter(Boolean)).toEqual([]);
  });

  it('tells an upward, a forbidden and an allowed import apart', () => {
    expect(violation({ from: 'model/report.ts', to: 'audit/rule.js', line: 1 })).toMatch(/higher stage audit/);
    expect(violation({ from: 'audit/places.ts', to: 'structure/labels.js', line: 1 })).toMatch(/only through/);
    expect(violation({ from: 'audit/narrative/analyze.ts', to: 'audit/rule.js', line: 1 })).toBeNull();
    expect(violation({ from: 'nightly/run.ts', to: 'pipeline.js', line: 1 })).toBeNull();
  });
});
