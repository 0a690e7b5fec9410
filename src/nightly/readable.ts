import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { nameBytes } from '../model/file-name.js';

/**
 * Paths a worker or a converter can open by text. A file whose name is not
 * valid UTF-8 (a lossless name with `\xNN` escapes) cannot be passed as a
 * string, so it gets a symbolic link with a plain name, its target the real
 * bytes, in a folder of this run (named with the pid, like the pool's, so a
 * run killed with SIGKILL leaves it to the next run's sweep).
 */
export class ReadablePaths {
  private dir: string | null = null;
  private count = 0;

  of(abs: string): string {
    const bytes = nameBytes(abs);
    if (typeof bytes === 'string') return bytes;
    this.dir ??= mkdtempSync(join(tmpdir(), `nianbao-run-${process.pid}-names-`));
    const ext = extname(abs);
    const link = join(this.dir, `${++this.count}${/^\.[a-z0-9]{1,8}$/i.test(ext) ? ext : ''}`);
    symlinkSync(bytes, link);
    return link;
  }

  remove(): void {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}
