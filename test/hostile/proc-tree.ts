import { readdirSync, readFileSync } from 'node:fs';

/** One process as /proc shows it: the start time tells it from a later process with the same pid. */
export interface Proc {
  pid: number;
  ppid: number;
  start: string;
  state: string;
  comm: string;
  cmdline: string;
}

function readProc(pid: number): Proc | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const rest = stat.slice(close + 2).split(' ');
    return {
      pid,
      ppid: Number(rest[1]),
      start: rest[19] ?? '',
      state: rest[0] ?? '',
      comm: stat.slice(stat.indexOf('(') + 1, close),
      cmdline: readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim(),
    };
  } catch {
    return null;
  }
}

/** Every process below `root` (not `root` itself). */
export function descendants(root: number): Proc[] {
  const all = readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .flatMap((n) => readProc(Number(n)) ?? []);
  const children = new Map<number, Proc[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const out: Proc[] = [];
  const stack = [root];
  while (stack.length)
    for (const c of children.get(stack.pop()!) ?? []) {
      out.push(c);
      stack.push(c.pid);
    }
  return out;
}

/** Resident set size in MB, or 0 when the process is gone. */
export function rssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** The soft address-space limit in MB (Infinity when unlimited, null when the process is gone). */
export function addressSpaceLimitMb(pid: number): number | null {
  try {
    const line = readFileSync(`/proc/${pid}/limits`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max address space'));
    const soft = line?.split(/\s{2,}/)[1];
    return !soft || soft === 'unlimited' ? Number.POSITIVE_INFINITY : Number(soft) / 1048576;
  } catch {
    return null;
  }
}

/** Still running (not a zombie) and the same process as when it was seen. */
export function stillAlive(p: Proc): boolean {
  const now = readProc(p.pid);
  return !!now && now.start === p.start && now.state !== 'Z';
}

export interface TreeSample {
  /** peak RSS of the root process (node: main thread and its workers) */
  rootMb: number;
  /** peak RSS of any single descendant, and what it was */
  childMb: number;
  childName: string;
  /** peak of the whole tree at one instant */
  treeMb: number;
  /** every descendant seen, by pid and start time */
  seen: Map<string, Proc & { peakMb: number; asLimitMb: number | null }>;
}

/** Samples the process tree of `root` every `everyMs` until stopped. */
export function sampleTree(root: number, everyMs = 100): { stop: () => TreeSample } {
  const s: TreeSample = { rootMb: 0, childMb: 0, childName: '', treeMb: 0, seen: new Map() };
  const tick = () => {
    const self = rssMb(root);
    let tree = self;
    for (const p of descendants(root)) {
      const mb = rssMb(p.pid);
      tree += mb;
      const key = `${p.pid}/${p.start}`;
      const known = s.seen.get(key) ?? { ...p, peakMb: 0, asLimitMb: addressSpaceLimitMb(p.pid) };
      known.peakMb = Math.max(known.peakMb, mb);
      s.seen.set(key, known);
      if (mb > s.childMb) [s.childMb, s.childName] = [mb, p.comm];
    }
    s.rootMb = Math.max(s.rootMb, self);
    s.treeMb = Math.max(s.treeMb, tree);
  };
  tick();
  const timer = setInterval(tick, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return s;
    },
  };
}
