import { readdirSync, readFileSync } from 'node:fs';

/**
 * Live processes (zombies aside) whose command line names `marker`, or that are
 * in one of `groups` as process group or session. A test's own temporary
 * directory as the marker and the groups its converters were started in find
 * what that test left running, and nothing another suite on the machine runs;
 * a leftover reparented to init is still found, which a walk down from the
 * test's own pid would miss.
 */
export function processesNaming(marker: string, groups: Iterable<number> = []): string[] {
  const mine = new Set(groups);
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // after the command's name: state, ppid, pgrp, session
      const [state, , pgrp, session] = stat.slice(stat.lastIndexOf(')') + 2).split(' ', 4);
      const named = cmdline.includes(marker) || mine.has(Number(pgrp)) || mine.has(Number(session));
      if (named && state !== 'Z') found.push(`${pid} ${cmdline}`);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}
