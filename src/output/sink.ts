import { closeSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { atomicWriter, writeAll } from './atomic.js';

/**
 * An output written as findings arrive: what comes before them, each one,
 * and what comes after. The head may depend on the run's summary, so a run
 * streams its findings once they are all known (see nightly/spool.ts).
 */
export interface Sink<T> {
  head(): string;
  row(f: T): string;
  tail(): string;
  /** the tail in pieces, when it can be long (a shard's reports): the same text as `tail()` */
  tailParts?(): Iterable<string>;
}

/** Every piece of a sink over `rows`, in order; the whole text is their concatenation. */
export function sinkText<T>(sink: Sink<T>, rows: Iterable<T>): string {
  let text = sink.head();
  for (const r of rows) text += sink.row(r);
  for (const piece of sink.tailParts?.() ?? [sink.tail()]) text += piece;
  return text;
}

const FLUSH_AT = 1 << 20;

/** Text gathered up to a megabyte, then written: few system calls, never the whole output in memory. */
export class BufferedText {
  private pending = '';

  constructor(private readonly write: (text: string) => void) {}

  push(text: string): void {
    this.pending += text;
    if (this.pending.length >= FLUSH_AT) this.flush();
  }

  flush(): void {
    if (!this.pending) return;
    const text = this.pending;
    this.pending = '';
    this.write(text);
  }
}

/** Where an output goes: a temporary file renamed into place by `commit`, or standard output. */
export interface Target {
  push(text: string): void;
  pushBytes(bytes: Uint8Array): void;
  commit(): void;
  abort(): void;
}

export function fileTarget(path: string): Target {
  const file = atomicWriter(path);
  const out = new BufferedText((t) => file.write(t));
  return {
    push: (t) => out.push(t),
    pushBytes: (b) => {
      out.flush();
      file.write(b);
    },
    commit: () => {
      out.flush();
      file.commit();
    },
    abort: () => file.abort(),
  };
}

export function stdoutTarget(): Target {
  const out = new BufferedText((t) => process.stdout.write(t));
  return {
    push: (t) => out.push(t),
    pushBytes: (b) => {
      out.flush();
      process.stdout.write(b);
    },
    commit: () => out.flush(),
    abort: () => out.flush(),
  };
}

/**
 * The findings' part of an output, written to a temporary file as they are
 * found; copied, as bytes, between the head and the tail once the run's
 * summary is known. Its folder carries the pid (a killed run's is swept).
 */
export class Body {
  private readonly dir = mkdtempSync(join(tmpdir(), `nianbao-run-${process.pid}-out-`));
  private readonly path = join(this.dir, 'body');
  private fd: number | null = openSync(this.path, 'w');
  private readonly out = new BufferedText((text) => writeAll(this.fd!, text));

  push(text: string): void {
    this.out.push(text);
  }

  copyTo(target: Target): void {
    this.out.flush();
    const fd = openSync(this.path, 'r');
    const buffer = Buffer.alloc(1 << 20);
    try {
      for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) target.pushBytes(buffer.subarray(0, n));
    } finally {
      closeSync(fd);
    }
  }

  remove(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    rmSync(this.dir, { recursive: true, force: true });
  }
}
