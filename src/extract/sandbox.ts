import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

/**
 * External converters run in their own process group, so that a kill reaches
 * every process they start (soffice → oosplash → soffice.bin), under a
 * wall-clock backstop that outlives us (`timeout -s KILL`), without network
 * (a network namespace) and under an address-space cap (`prlimit --as`).
 */
export interface Sandbox {
  /** the command words put before the converter's own; without `addressCap`, no `prlimit --as` (WebAssembly reserves far more address space than it uses) */
  prefix: (limits: ChildLimits, addressCap?: boolean) => string[];
  /** which protections are in force, for the diagnostics of every converted file */
  describe: string;
}

export interface ChildLimits {
  timeoutMs: number;
  memoryMb: number;
}

/** Every live child group of this thread; a tracker mirrors them where another thread can kill them. */
const live = new Set<number>();
let tracker: ChildTracker | null = null;

export interface ChildTracker {
  add(pgid: number): void;
  remove(pgid: number): void;
}

export function setChildTracker(t: ChildTracker | null): void {
  tracker = t;
}

let tempRoot: string | null = null;

/** Where converters' temporary directories go: a per-task directory the runner removes whatever happens here. */
export function setTempRoot(dir: string | null): void {
  tempRoot = dir;
}

export function converterTempRoot(): string {
  return tempRoot ?? tmpdir();
}

function adopt(pgid: number): void {
  live.add(pgid);
  tracker?.add(pgid);
}

function release(pgid: number): void {
  killGroup(pgid);
  live.delete(pgid);
  tracker?.remove(pgid);
}

export function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // the group is already gone
  }
}

/** Kills every child group this thread started and has not seen end (at exit, on a signal). */
export function killAllChildren(): void {
  for (const pgid of live) killGroup(pgid);
  live.clear();
}

process.once('exit', killAllChildren);

function works(command: string, args: string[]): boolean {
  const r = spawnSync(command, args, { stdio: 'ignore', timeout: 5000 });
  return r.status === 0;
}

/**
 * Network and process namespaces: no route anywhere, and every process the
 * converter starts (even one that left its process group) ends when the
 * namespace's first process does. `unshare` as root, `unshare -r` in a user
 * namespace, else bubblewrap.
 */
function isolation(): { words: string[]; name: string } | null {
  if (process.env.NIANBAO_SANDBOX === 'off') return null;
  const unshare = ['-n', '-p', '-f', '--kill-child'];
  if (works('unshare', [...unshare, 'true']))
    return { words: ['unshare', ...unshare, '--'], name: 'network and PID namespaces (unshare -n -p)' };
  if (works('unshare', ['-r', ...unshare, 'true']))
    return { words: ['unshare', '-r', ...unshare, '--'], name: 'network and PID namespaces (unshare -r -n -p)' };
  const bwrap = ['--unshare-net', '--unshare-pid', '--die-with-parent', '--dev-bind', '/', '/'];
  if (works('bwrap', [...bwrap, 'true']))
    return { words: ['bwrap', ...bwrap, '--'], name: 'network and PID namespaces (bwrap)' };
  return null;
}

let probed: Sandbox | undefined;

export function sandbox(): Sandbox {
  if (probed) return probed;
  const net = isolation();
  const timeout = works('timeout', ['1', 'true']);
  const prlimit = works('prlimit', ['--as=1073741824', 'true']);
  const parts = [
    net?.name ?? 'no network namespace available (profile settings only)',
    prlimit ? 'memory cap (prlimit --as)' : 'no memory cap',
    timeout ? 'wall-clock kill (timeout)' : 'no wall-clock backstop',
  ];
  probed = {
    describe: parts.join('; '),
    prefix: (limits, addressCap = true) => [
      // a backstop that still fires when this process was killed and could not end the group itself
      ...(timeout ? ['timeout', '-s', 'KILL', String(Math.ceil(limits.timeoutMs / 1000) + 2)] : []),
      ...(net?.words ?? []),
      ...(prlimit && addressCap ? ['prlimit', `--as=${Math.round(limits.memoryMb * 1048576)}`, '--'] : []),
    ],
  };
  return probed;
}

export interface RunResult {
  code: number | null;
  timedOut: boolean;
  stderr: string;
}

/** A child in a process group of its own: adopted (killed at exit, mirrored to the tracker), the last of its stderr kept, its group killed at the time limit. */
interface Group {
  readonly pgid: number | undefined;
  stderr: string;
  timedOut: boolean;
  /** stops the clock and kills whatever the child left running in its group */
  end(): void;
}

function watchGroup(child: ChildProcess, timeoutMs: number): Group {
  const pgid = child.pid;
  if (pgid !== undefined) adopt(pgid);
  const group: Group = { pgid, stderr: '', timedOut: false, end };
  child.stderr?.on('data', (chunk: Buffer) => (group.stderr = (group.stderr + chunk.toString('utf8')).slice(-2000)));
  const timer = setTimeout(() => {
    group.timedOut = true;
    if (pgid !== undefined) killGroup(pgid);
  }, timeoutMs);
  function end(): void {
    clearTimeout(timer);
    if (pgid !== undefined) release(pgid);
  }
  return group;
}

/** Runs a converter in the sandbox, in its own process group, killed as a group at its time limit. */
export function runSandboxed(command: string, args: string[], limits: ChildLimits): Promise<RunResult> {
  const words = [...sandbox().prefix(limits), command, ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(words[0]!, words.slice(1), { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    const group = watchGroup(child, limits.timeoutMs);
    child.on('error', (error) => {
      group.end();
      reject(error);
    });
    // 'exit', not 'close': a grandchild may hold stderr open after the converter ended
    child.on('exit', (code) => {
      group.end();
      child.stderr.destroy();
      resolve({ code, timedOut: group.timedOut, stderr: group.stderr });
    });
  });
}

/** The resident memory (MB) of every process in a process group, from /proc; null where there is no /proc. */
export function groupRssMb(pgid: number): number | null {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return null;
  }
  let kb = 0;
  for (const name of names) {
    if (!(name.charCodeAt(0) >= 48 && name.charCodeAt(0) <= 57)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // after the command's name: state, ppid, pgrp
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ', 3)[2]) !== pgid) continue;
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${name}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // the process ended meanwhile
    }
  }
  return kb / 1024;
}

export interface WatchedResult extends RunResult {
  /** the group's resident memory went past the cap and it was killed */
  overMemory: boolean;
}

/** How often a watched child's memory is read. */
const WATCH_MS = 100;

/**
 * Runs a converter that cannot live under an address-space cap (WebAssembly)
 * in the sandbox and its own process group, with a watchdog on its group's
 * resident memory instead: past `limits.memoryMb` the group is killed. Its
 * stdout comes line by line to `onLine`; its stdin stays open and closes when
 * this process ends, so the converter can end itself with its parent.
 */
export function runWatched(
  command: string,
  args: string[],
  limits: ChildLimits,
  onLine: (line: string) => void,
  env: Record<string, string> = {},
): Promise<WatchedResult> {
  const words = [...sandbox().prefix(limits, false), command, ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(words[0]!, words.slice(1), {
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    const group = watchGroup(child, limits.timeoutMs);
    const { pgid } = group;
    let overMemory = false;
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    });
    const watchdog = setInterval(() => {
      if (pgid === undefined) return;
      const mb = groupRssMb(pgid);
      // without /proc there is nothing to watch: the wall-clock limit alone holds
      if (mb === null) {
        clearInterval(watchdog);
        return;
      }
      if (mb > limits.memoryMb) {
        overMemory = true;
        killGroup(pgid);
      }
    }, WATCH_MS);
    const done = () => {
      clearInterval(watchdog);
      group.end();
      child.stdin.destroy();
    };
    child.stdin.on('error', () => undefined);
    child.on('error', (error) => {
      done();
      reject(error);
    });
    let exitCode: number | null = null;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      if (pending) onLine(pending);
      child.stdout.destroy();
      child.stderr.destroy();
      resolve({ code: exitCode, timedOut: group.timedOut, overMemory, stderr: group.stderr });
    };
    child.on('exit', (code) => {
      exitCode = code;
      done();
      // what the converter wrote before it ended is still in the pipe: wait for it, not for ever
      setTimeout(finish, 2000);
    });
    child.on('close', finish);
  });
}
