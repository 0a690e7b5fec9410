import { accessSync, constants } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UnreadableDocument } from '../model/ir.js';
import { type ChildLimits, converterTempRoot, runSandboxed, sandbox } from './sandbox.js';

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

/**
 * The converter's profile: links, fields and remote content are never updated
 * or fetched, macros never run. With no network namespace on this platform,
 * this is the only protection against a document that names an address.
 */
const PROFILE_SETTINGS: [string, string, string][] = [
  ['/org.openoffice.Office.Common/Security/Scripting', 'BlockUntrustedRefererLinks', 'true'],
  ['/org.openoffice.Office.Common/Security/Scripting', 'DisableMacrosExecution', 'true'],
  ['/org.openoffice.Office.Common/Security/Scripting', 'MacroSecurityLevel', '3'],
  ['/org.openoffice.Office.Writer/Content/Update', 'Link', '0'],
  ['/org.openoffice.Office.Writer/Content/Update', 'Field', 'false'],
  ['/org.openoffice.Office.Calc/Content/Update', 'Link', '0'],
  ['/org.openoffice.Office.Common/Misc', 'UseSystemFileDialog', 'false'],
  ['/org.openoffice.Office.Update/Update', 'Enabled', 'false'],
];

function profileXcu(): string {
  const items = PROFILE_SETTINGS.map(
    ([path, name, value]) =>
      `<item oor:path="${path}"><prop oor:name="${name}" oor:op="fuse"><value>${value}</value></prop></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
${items.join('\n')}
</oor:items>
`;
}

export interface Converted {
  docx: Uint8Array;
  /** the protections the conversion ran under */
  protection: string;
}

/**
 * Converts a legacy document to DOCX with LibreOffice in a fresh temporary
 * directory, with its own user profile so that parallel conversions do not
 * fight over one profile lock.
 */
export async function convertToDocx(bytes: Uint8Array, extension: string, limits: ChildLimits): Promise<Converted> {
  const soffice = findSoffice();
  if (!soffice) throw new UnreadableDocument(SOFFICE_MISSING, 'unsupported');
  const dir = await mkdtemp(join(converterTempRoot(), 'nianbao-soffice-'));
  try {
    const input = join(dir, `report.${extension}`);
    await writeFile(input, bytes);
    await mkdir(join(dir, 'profile', 'user'), { recursive: true });
    await writeFile(join(dir, 'profile', 'user', 'registrymodifications.xcu'), profileXcu());
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
    const protection = sandbox().describe;
    const result = await runSandboxed(soffice, args, limits).catch((error: Error) => {
      throw new UnreadableDocument(`无法启动 LibreOffice（${error.message}）`, 'crash');
    });
    if (result.timedOut)
      throw new UnreadableDocument(`LibreOffice 转换超时（超过 ${limits.timeoutMs / 1000} 秒），已中止`, 'timeout');
    try {
      return { docx: await readFile(join(dir, 'out', 'report.docx')), protection };
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
