import { readdir, stat } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';

/** Extensions a report arrives with; directories are walked for these (and for files with none). */
export const REPORT_EXTENSIONS = new Set([
  '.pdf',
  '.docx',
  '.doc',
  '.wps',
  '.rtf',
  '.html',
  '.htm',
  '.shtml',
  '.xhtml',
  '.txt',
  '.md',
  '',
]);
const SKIP_DIRS = new Set(['node_modules', 'nianbao-out', '.git']);

export interface WalkResult {
  files: string[];
  /** files under a directory that are not reports by extension (sources, manifests, notes) */
  ignored: string[];
  missing: string[];
}

function isReportName(name: string): boolean {
  return !name.startsWith('.') && REPORT_EXTENSIONS.has(extname(name).toLowerCase());
}

async function walkDir(dir: string, out: WalkResult): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) await walkDir(path, out);
    } else if (entry.isFile()) (isReportName(entry.name) ? out.files : out.ignored).push(path);
  }
}

/**
 * The report files under the given paths, in a stable order. A file named on
 * the command line is always a report whatever its extension: sniffing decides.
 */
export async function walkInputs(paths: string[]): Promise<WalkResult> {
  const out: WalkResult = { files: [], ignored: [], missing: [] };
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (!info) out.missing.push(p);
    else if (info.isDirectory()) await walkDir(p, out);
    else out.files.push(p);
  }
  out.files = [...new Set(out.files)];
  return out;
}

export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}
