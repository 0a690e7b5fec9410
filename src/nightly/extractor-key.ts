import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCHEMA_VERSION } from '../model/report.js';
import { VERSION } from '../model/version.js';

/** Bump when the cached model's shape changes in a way the code hash below would not show. */
export const CACHE_FORMAT = 1;

/** The modules that turn bytes into an AnnualReport: everything they import is parsing code. */
const PARSING_ENTRIES = ['extract/index', 'structure/index'];
/** The modules that turn an AnnualReport into cached findings and digests. */
const RULES_ENTRIES = ['audit/engine', 'nightly/digest', 'nightly/cached-findings', 'nightly/audit-task'];

const RELATIVE_IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** The file a specifier names: the built .js, or the .ts source when running from src. */
function moduleFile(base: string): string | null {
  const js = base.endsWith('.js') ? base : `${base}.js`;
  if (existsSync(js)) return js;
  const ts = js.replace(/\.js$/, '.ts');
  return existsSync(ts) ? ts : null;
}

/** Every module reachable from the entries by relative imports, as the code itself says. */
function reachable(entries: string[]): string[] {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const seen = new Set<string>();
  const queue = entries.map((e) => moduleFile(join(root, e))).filter((f): f is string => f !== null);
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) {
      const next = moduleFile(resolve(dirname(file), spec!));
      if (next && !seen.has(next)) queue.push(next);
    }
  }
  return [...seen];
}

/**
 * A hash of the code the entries run, module by module: which modules is read
 * from their imports, not from folder names, and only contents count, so a
 * file moved without change keeps every cache it had.
 */
function codeHash(entries: string[]): string {
  const digests = reachable(entries)
    .map((file) => createHash('sha256').update(readFileSync(file)).digest('hex'))
    .sort();
  return createHash('sha256').update(digests.join('\n')).digest('hex').slice(0, 12);
}

/**
 * The cache key of a parse: tool version, schema and cache format, and a hash
 * of the parsing code itself, so that a changed extractor never serves a
 * stale model even when nobody bumped a version.
 */
export function extractorKey(): string {
  return `${VERSION}/s${SCHEMA_VERSION}/c${CACHE_FORMAT}/${codeHash(PARSING_ENTRIES)}`;
}

/** The key of a report's cached findings: its parse key and a hash of the rules' code. */
export function rulesKey(parsingKey: string): string {
  return `${parsingKey}/r${codeHash(RULES_ENTRIES)}`;
}

/** For tests: the modules a key covers. */
export const parsingModules = () => reachable(PARSING_ENTRIES);
export const rulesModules = () => reachable(RULES_ENTRIES);
