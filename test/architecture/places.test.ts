import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { lineOf, parseSource, sourceFiles, walk } from './sources.js';

/** 表二/… 表三/… 表四/…: the start of a location path */
const PATH_START = /表[二三四]\//;

function isText(node: ts.Node): node is ts.StringLiteral | ts.TemplateLiteralLikeNode {
  return (
    ts.isStringLiteral(node) ||
    ts.isNoSubstitutionTemplateLiteral(node) ||
    ts.isTemplateHead(node) ||
    ts.isTemplateMiddle(node) ||
    ts.isTemplateTail(node)
  );
}

/** `${place.table(…)}/…`: a path glued onto a table name outside model/places.ts */
function gluesOntoTableName(node: ts.Node): boolean {
  return (
    ts.isTemplateSpan(node) &&
    ts.isCallExpression(node.expression) &&
    /\.table$/.test(node.expression.expression.getText()) &&
    node.literal.text.startsWith('/')
  );
}

/** Location strings built by hand, where model/places.ts should build them from the template data. */
function handBuiltLocations(source: ts.SourceFile): string[] {
  const found: string[] = [];
  walk(source, (node) => {
    const at = () => `${source.fileName}:${lineOf(source, node)}`;
    if (isText(node) && PATH_START.test(node.text)) found.push(`${at()} writes "${node.text}"`);
    if (ts.isIdentifier(node) && node.text === 'TABLE_NAMES') found.push(`${at()} names tables with TABLE_NAMES`);
    if (gluesOntoTableName(node)) found.push(`${at()} appends to a table name`);
  });
  return found;
}

describe('locations are built by model/places.ts only', () => {
  it('no file outside src/model writes a 表二/表三/表四 path or reads TABLE_NAMES', () => {
    const files = sourceFiles().filter((f) => !f.startsWith('model/'));
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((f) => handBuiltLocations(parseSource(f)))).toEqual([]);
  });

  it('the check sees a hand-built path in code, not in a comment', () => {
    const probe = ts.createSourceFile(
      'probe.ts',
      [
        '/** @not-ok 表三/一、本年新收 */',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the probe is source text
        'const a = `表四/${g}/总计`;',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the probe is source text
        "const b = `${place.table('applications')}/x`;",
        'const c = TABLE_NAMES.applications;',
      ].join('\n'),
      ts.ScriptTarget.Latest,
      true,
    );
    expect(handBuiltLocations(probe)).toEqual([
      'probe.ts:2 writes "表四/"',
      'probe.ts:3 appends to a table name',
      'probe.ts:4 names tables with TABLE_NAMES',
    ]);
  });
});
