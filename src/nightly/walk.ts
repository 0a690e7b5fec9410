import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { losslessName, nameBytes } from '../model/file-name.js';

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
  /** folders that could not be read, and special files (FIFOs, devices) under report names, with why: never opened */
  failed: Map<string, string>;
}

function isReportName(name: string): boolean {
  return !name.startsWith('.') && REPORT_EXTENSIONS.has(extname(name).toLowerCase());
}

function specialKind(info: { isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (info.isFIFO()) return '命名管道 FIFO';
  if (info.isCharacterDevice()) return '字符设备';
  if (info.isBlockDevice()) return '块设备';
  return '特殊文件';
}

/** The real path as a lossless name (model/file-name.ts), or the path itself when it has none. */
async function realPath(path: string): Promise<string> {
  const real = await realpath(nameBytes(path), { encoding: 'buffer' }).catch(() => null);
  return real ? losslessName(real) : path;
}

/**
 * Walks a folder: symbolic links are followed, and `seen` holds the real
 * path of every folder and file already met, so a loop ends and a report
 * reached by two paths counts once; an unreadable folder is a failure of its
 * own; a FIFO or device under a report name is reported and never opened.
 */
async function walkDir(dir: string, out: WalkResult, seen: Set<string>): Promise<void> {
  const real = await realPath(dir);
  if (seen.has(real)) return;
  seen.add(real);
  const read = await readdir(nameBytes(dir), { withFileTypes: true, encoding: 'buffer' }).catch(
    (error: NodeJS.ErrnoException) => error,
  );
  if (read instanceof Error) {
    out.failed.set(dir, `无法读取文件夹（${read.code ?? read.message}），其中的报告均未核查`);
    return;
  }
  // names read as bytes: one that is not valid UTF-8 is kept under its lossless name, never lost
  const entries = read.map((d) => Object.assign(d, { text: losslessName(d.name) }));
  entries.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  for (const entry of entries) {
    const name = entry.text;
    const path = join(dir, name);
    if (name.startsWith('.')) continue;
    const info = entry.isSymbolicLink() ? await stat(nameBytes(path)).catch(() => null) : entry;
    if (!info) {
      if (isReportName(name)) out.failed.set(path, '符号链接指向的文件不存在');
    } else if (info.isDirectory()) {
      if (!SKIP_DIRS.has(name)) await walkDir(path, out, seen);
    } else if (info.isFile()) {
      const file = entry.isSymbolicLink() ? await realPath(path) : path;
      if (seen.has(file)) continue;
      seen.add(file);
      (isReportName(name) ? out.files : out.ignored).push(path);
    } else if (isReportName(name)) out.failed.set(path, `不是普通文件（${specialKind(info)}），未读取`);
  }
}

/**
 * The report files under the given paths, in a stable order. A file named on
 * the command line is always a report whatever its extension: sniffing decides.
 */
export async function walkInputs(paths: string[]): Promise<WalkResult> {
  const out: WalkResult = { files: [], ignored: [], missing: [], failed: new Map() };
  const seen = new Set<string>();
  for (const typed of paths) {
    const p = losslessName(Buffer.from(typed, 'utf8'));
    const info = await stat(nameBytes(p)).catch(() => null);
    if (!info) out.missing.push(p);
    else if (info.isDirectory()) await walkDir(p, out, seen);
    else if (info.isFile()) out.files.push(p);
    else out.failed.set(p, `不是普通文件（${specialKind(info)}），未读取`);
  }
  out.files = [...new Set(out.files)];
  return out;
}

export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}
