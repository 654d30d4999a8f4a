/**
 * Peak resident memory of a process and all its descendants (Chromium runs as several
 * processes), sampled from /proc every 100 ms (a sample reads every /proc/<pid>/stat, ~1 ms of CPU:
 * sampling every 20 ms took a few per cent of a core from the contender being measured). Linux only; elsewhere it reports null.
 */
import { readFileSync, readdirSync } from 'node:fs';

const pageSize = 4096;

function parents() {
  const map = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Field 4 (ppid) comes after the command name, which may hold spaces and parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      map.set(Number(name), ppid);
    } catch {
      /* the process ended while we looked */
    }
  }
  return map;
}

function treeRss(root) {
  const parentOf = parents();
  const tree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parentOf)
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
  }
  let bytes = 0;
  for (const pid of tree) {
    try {
      bytes += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * pageSize;
    } catch {
      /* ended */
    }
  }
  return bytes;
}

/** Starts sampling `pid`'s tree; `stop()` returns the peak in bytes (null off Linux). */
export function sampleTree(pid, everyMs = 100) {
  if (process.platform !== 'linux') return { stop: () => null };
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRss(pid));
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}
