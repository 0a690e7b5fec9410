import { createHash } from 'node:crypto';

export interface Shard {
  /** 1-based, as in `--shard 2/8` */
  index: number;
  count: number;
}

export function parseShard(text: string): Shard | null {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return null;
  const [index, count] = [Number(m[1]), Number(m[2])];
  return count >= 1 && index >= 1 && index <= count ? { index, count } : null;
}

/** A file's shard depends on its path alone, so every machine agrees without talking. */
export function inShard(path: string, shard: Shard): boolean {
  const h = createHash('sha1').update(path.replaceAll('\\', '/')).digest();
  return h.readUInt32BE(0) % shard.count === shard.index - 1;
}
