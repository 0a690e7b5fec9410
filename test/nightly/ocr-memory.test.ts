/**
 * SLOW (one OCR of a 3-page scan): OCR runs in a child process of the parse
 * worker under its own resident-memory cap (--ocr-memory, default 1536 MB). Past the
 * cap the child's group is killed: the file is extract/unreadable with the
 * reason, the limit is not cached, and nothing is left behind. Within it the
 * scan is read, and the node process itself stays small.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ocrAvailable } from '../../src/extract/ocr/engine.js';
import { sampleTree } from '../hostile/proc-tree.js';
import { processesNaming } from '../hostile/processes.js';
import { BIN, readCsv, tempDir } from './helpers.js';

const SCAN = join(import.meta.dirname, '../../corpus/pdf/scanned-300dpi-2023-qingshui-town.pdf');
const ocr = await ocrAvailable();
if (!ocr) console.warn('ocr-memory: OCR packages not installed, skipping the OCR child memory cap');

/** The bound on the node process (main thread and its workers) at --jobs 2. */
const NODE_PROCESS_MB = 600;

function setup() {
  const dir = tempDir();
  mkdirSync(join(dir, 'c'));
  copyFileSync(SCAN, join(dir, 'c', 'scan.pdf'));
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp);
  return { dir, tmp };
}

async function audit(dir: string, tmp: string, args: string[]) {
  const child = spawn(process.execPath, [BIN, 'audit', 'c', '--db', 'x.db', '--no-progress', ...args], {
    cwd: dir,
    env: { ...process.env, TMPDIR: tmp },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const tree = sampleTree(child.pid!, 50);
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const sample = tree.stop();
  const ocrChild = [...sample.seen.values()].filter((p) => p.cmdline.includes('ocr/child.js'));
  const rows = readCsv(join(dir, 'nianbao-out/discrepancies.csv')).filter((r) => r.file === 'c/scan.pdf');
  return { code, stderr, rows, rootMb: sample.rootMb, ocrPeakMb: Math.max(0, ...ocrChild.map((p) => p.peakMb)) };
}

describe.skipIf(!ocr)('the OCR child process (slow)', () => {
  it('past its memory cap is killed: extract/unreadable with the reason, not cached, nothing left behind', async () => {
    const { dir, tmp } = setup();
    for (let run = 0; run < 2; run++) {
      const r = await audit(dir, tmp, ['--ocr-memory', '200', '--jobs', '1']);
      expect(r.code).toBe(0);
      expect(r.rows.map((x) => [x.rule, x.actual])).toEqual([
        ['extract/unreadable', '扫描件文字识别（OCR）进程内存超限（超过 200 MB），已中止'],
      ]);
      // the watchdog reads the group's memory every 100 ms: a little past the cap, never the whole recognition
      expect(r.ocrPeakMb).toBeGreaterThan(150);
      expect(r.ocrPeakMb).toBeLessThan(400);
      // a limit is not the file's result: the next run parses it again
      expect(r.stderr).toMatch(/解析 1 个，取自缓存 0 个/);
      expect(processesNaming(tmp)).toEqual([]);
      expect(readdirSync(tmp)).toEqual([]);
    }
  }, 120_000);

  it('within its cap reads the scan, and the node process stays within its bound', async () => {
    const { dir, tmp } = setup();
    const r = await audit(dir, tmp, ['--jobs', '2']);
    expect(r.code).toBe(0);
    // qingshui's scan gives its source's findings: none
    expect(r.rows).toEqual([]);
    expect(r.stderr).toMatch(/无法读取 0 个/);
    console.info(
      `scan through the OCR child: node process ${r.rootMb.toFixed(0)} MB, OCR child ${r.ocrPeakMb.toFixed(0)} MB`,
    );
    expect(r.rootMb).toBeLessThan(NODE_PROCESS_MB);
    expect(r.ocrPeakMb).toBeGreaterThan(200);
    expect(r.ocrPeakMb).toBeLessThan(1536);
    expect(processesNaming(tmp)).toEqual([]);
    expect(readdirSync(tmp)).toEqual([]);
  }, 600_000);
});
