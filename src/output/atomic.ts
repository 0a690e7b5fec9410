import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

const tmpOf = (path: string) => `${path}.${process.pid}.tmp`;

/**
 * Writes beside the target, chunk by chunk, and renames: an interrupted run
 * leaves the previous output whole, and a large output is never one string.
 */
export function writeAtomicChunks(path: string, chunks: Iterable<string | Uint8Array>): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = tmpOf(path);
  const fd = openSync(tmp, 'w');
  try {
    for (const chunk of chunks) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    }
  } catch (error) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(tmp, path);
}

export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  writeAtomicChunks(path, [data]);
}

/**
 * Writes all of `chunk`. A string goes to the kernel without a Buffer made
 * for it: megabyte Buffers, one per write, count as external memory and
 * set off full garbage collections.
 */
export function writeAll(fd: number, chunk: string | Uint8Array): void {
  if (typeof chunk === 'string') {
    const written = writeSync(fd, chunk);
    if (written === Buffer.byteLength(chunk)) return;
    chunk = Buffer.from(chunk, 'utf8').subarray(written);
  }
  for (let at = 0; at < chunk.length; ) at += writeSync(fd, chunk, at);
}

/** An atomic writer kept open while rows arrive: `commit` renames it into place, `abort` removes it. */
export function atomicWriter(path: string) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = tmpOf(path);
  const fd = openSync(tmp, 'w');
  return {
    write(chunk: string | Uint8Array) {
      writeAll(fd, chunk);
    },
    commit() {
      closeSync(fd);
      renameSync(tmp, path);
    },
    abort() {
      closeSync(fd);
      rmSync(tmp, { force: true });
    },
  };
}

/** Fails now, not after an hour's run, when `path` cannot be written (a read-only folder, /proc, a missing drive). */
export function probeWritable(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = tmpOf(path);
  closeSync(openSync(tmp, 'w'));
  rmSync(tmp, { force: true });
}
