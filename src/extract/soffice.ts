import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UnreadableDocument } from '../model/ir.js';

let cachedPath: string | null | undefined;

/** LibreOffice's `soffice`: NIANBAO_SOFFICE (a path, or `none` to disable conversion), else PATH; null when absent. */
export function findSoffice(): string | null {
  const configured = process.env.NIANBAO_SOFFICE;
  if (configured === 'none') return null;
  if (cachedPath !== undefined && !configured) return cachedPath;
  const candidates = [
    process.env.NIANBAO_SOFFICE,
    ...(process.env.PATH ?? '')
      .split(delimiter)
      .flatMap((dir) => (dir ? [join(dir, 'soffice'), join(dir, 'libreoffice')] : [])),
  ];
  cachedPath = candidates.find((path): path is string => !!path && isExecutable(path)) ?? null;
  return cachedPath;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export const SOFFICE_MISSING =
  '此格式（DOC / WPS / RTF / ODT）需要 LibreOffice 转换：请安装 LibreOffice（Debian/Ubuntu 软件包 libreoffice-writer），使 soffice 命令可用';

interface RunResult {
  code: number | null;
  timedOut: boolean;
  stderr: string;
}

/** Runs soffice in its own process group so that a timeout kills soffice.bin too, not just the wrapper script. */
function runSoffice(soffice: string, args: string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(soffice, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let timedOut = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-2000)));
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new UnreadableDocument(`无法启动 LibreOffice（${error.message}）`, 'crash'));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut, stderr });
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // the group is already gone
  }
}

/**
 * Converts a legacy document to DOCX with LibreOffice in a fresh temporary
 * directory, with its own user profile so that parallel conversions do not
 * fight over one profile lock.
 */
export async function convertToDocx(bytes: Uint8Array, extension: string, timeoutMs: number): Promise<Uint8Array> {
  const soffice = findSoffice();
  if (!soffice) throw new UnreadableDocument(SOFFICE_MISSING, 'unsupported');
  const dir = await mkdtemp(join(tmpdir(), 'nianbao-soffice-'));
  try {
    const input = join(dir, `report.${extension}`);
    await writeFile(input, bytes);
    const args = [
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--headless',
      '--invisible',
      '--norestore',
      '--nologo',
      '--nodefault',
      '--nolockcheck',
      '--convert-to',
      'docx:MS Word 2007 XML',
      '--outdir',
      join(dir, 'out'),
      input,
    ];
    const result = await runSoffice(soffice, args, timeoutMs);
    if (result.timedOut) throw new UnreadableDocument(`LibreOffice 转换超时（${timeoutMs} ms）`, 'timeout');
    try {
      return await readFile(join(dir, 'out', 'report.docx'));
    } catch {
      const detail = result.stderr.trim().split('\n').pop() ?? '';
      throw new UnreadableDocument(
        `LibreOffice 未能转换此文件（可能已损坏或加密；退出码 ${result.code}${detail ? `，${detail}` : ''}）`,
        'corrupt',
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
