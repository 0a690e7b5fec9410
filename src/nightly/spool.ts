import { closeSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { writeAll } from '../output/atomic.js';
import { BufferedText } from '../output/sink.js';

/**
 * Items on disk, one JSON line each, in the order they were pushed (a run's
 * new findings, waiting for the commit): read back without holding them all. Its folder carries the pid, like the
 * pool's: a run killed with SIGKILL leaves it to the next run's sweep.
 */
export class Spool<T> {
  private readonly dir = mkdtempSync(join(tmpdir(), `nianbao-run-${process.pid}-spool-`));
  private readonly path = join(this.dir, 'findings.ndjson');
  private fd: number | null = openSync(this.path, 'w');
  private readonly out = new BufferedText((text) => writeAll(this.fd!, text));
  count = 0;

  push(item: T): void {
    this.out.push(`${JSON.stringify(item)}\n`);
    this.count++;
  }

  /** Ends writing; only then can the spool be read. */
  finish(): void {
    if (this.fd === null) return;
    this.out.flush();
    closeSync(this.fd);
    this.fd = null;
  }

  *read(): Generator<T> {
    if (this.fd !== null) throw new Error('spool read before finish()');
    const fd = openSync(this.path, 'r');
    const buffer = Buffer.alloc(1 << 20);
    const decoder = new StringDecoder('utf8');
    let rest = '';
    try {
      for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) {
        const lines = (rest + decoder.write(buffer.subarray(0, n))).split('\n');
        rest = lines.pop()!;
        for (const line of lines) yield JSON.parse(line) as T;
      }
    } finally {
      closeSync(fd);
    }
    if (rest) yield JSON.parse(rest) as T;
  }

  remove(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    rmSync(this.dir, { recursive: true, force: true });
  }
}
