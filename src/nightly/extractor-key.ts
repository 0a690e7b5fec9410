import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VERSION } from '../model/version.js';
import { SCHEMA_VERSION } from '../model/report.js';

/** Bump when the cached model's shape changes in a way the code hash below would not show. */
export const CACHE_FORMAT = 1;

/** Code that turns bytes into an AnnualReport. */
const PARSING_CODE = ['extract', 'structure', 'model', 'pipeline'];
/** Code that turns an AnnualReport into cached findings and digests (the narrative rules read claims through src/narrative). */
const RULES_CODE = ['audit', 'nightly/digest', 'nightly/cached-findings'];

function filesUnder(path: string): string[] {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return [];
  if (info.isFile()) return /\.(js|ts)$/.test(path) ? [path] : [];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

/**
 * The cache key of a parse: tool version, schema and cache format, and a hash
 * of the parsing code itself, so that a changed extractor never serves a
 * stale model even when nobody bumped a version.
 */
export function extractorKey(): string {
  return `${VERSION}/s${SCHEMA_VERSION}/c${CACHE_FORMAT}/${codeHash(PARSING_CODE)}`;
}

function codeHash(names: string[]): string {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const hash = createHash('sha256');
  for (const name of names) {
    for (const file of [
      ...filesUnder(join(root, name)),
      ...filesUnder(join(root, `${name}.js`)),
      ...filesUnder(join(root, `${name}.ts`)),
    ])
      hash.update(file.slice(root.length)).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 12);
}

/** The key of a report's cached findings: its parse key and a hash of the rules' code. */
export function rulesKey(parsingKey: string): string {
  return `${parsingKey}/r${codeHash(RULES_CODE)}`;
}
