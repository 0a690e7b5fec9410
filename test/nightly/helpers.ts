import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BIN = join(import.meta.dirname, '../../bin/nianbao.js');

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'nianbao-corpus-'));
}

export function nianbao(
  cwd: string,
  args: string[],
  env: Record<string, string> = {},
): { status: number | null; stderr: string; stdout: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8', ...env },
    encoding: 'utf8',
  });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

export function startNianbao(cwd: string, args: string[]) {
  return spawn(process.execPath, [BIN, ...args], { cwd, stdio: 'ignore' });
}

/** CSV rows as objects (the outputs never hold newlines inside cells for these corpora). */
export function readCsv(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8')
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n');
  const keys = header!.split(',');
  return lines.map((l) => {
    const cells = l
      .match(/("([^"]|"")*"|[^,]*)(,|$)/g)!
      .map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replaceAll('""', '"'));
    return Object.fromEntries(keys.map((k, i) => [k, cells[i] ?? '']));
  });
}
