import { abortAllPools } from './pool.js';

/** What must happen before the process ends on a signal: close the store, remove partial outputs. */
const cleanups = new Set<() => void>();

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

function stop(signal: keyof typeof EXIT_CODES): void {
  abortAllPools();
  for (const cleanup of [...cleanups].reverse()) {
    try {
      cleanup();
    } catch {
      // the others must still run
    }
  }
  process.stderr.write(
    `\nnianbao: stopped by ${signal}; outputs not written, every finished parse is kept: a re-run resumes from the cache\n`,
  );
  process.exit(EXIT_CODES[signal]);
}

const handlers = { SIGINT: () => stop('SIGINT'), SIGTERM: () => stop('SIGTERM') };

/**
 * Registers a cleanup for SIGINT and SIGTERM; the returned function removes
 * it. While any is registered the run stops cleanly on a signal: converters
 * and workers ended, cleanups run, exit 130 or 143.
 */
export function onStop(cleanup: () => void): () => void {
  if (!cleanups.size) for (const [signal, handler] of Object.entries(handlers)) process.on(signal, handler);
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
    if (!cleanups.size) for (const [signal, handler] of Object.entries(handlers)) process.off(signal, handler);
  };
}
