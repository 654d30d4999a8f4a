/**
 * A chokidar watcher over files and folders, some of which may not exist yet (a project's
 * `templates/` before the first eject). Missing paths are not handed to chokidar, whose `ready`
 * then comes before the rest is watched; instead the nearest existing parent is watched one
 * level deep, and the path joins the main watcher once it appears.
 */
import { existsSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';

/** Quiet time before a changed file is reported, and how often it is stat'ed meanwhile (see bench/README.md `watch`). */
const settle = { stabilityThreshold: 10, pollInterval: 5 };

export interface Watcher {
  close(): Promise<void>;
}

const ready = (watcher: FSWatcher) => new Promise<void>((done) => watcher.once('ready', () => done()));

/** Watches `paths`; `onChange` gets every added, changed or removed file (and each missing path when it appears). */
export async function startWatcher(paths: readonly string[], onChange: (path: string) => void, ignored: (path: string) => boolean): Promise<Watcher> {
  const existing = paths.filter((path) => existsSync(path));
  const missing = paths.filter((path) => !existsSync(path));
  // awaitWriteFinish holds a file's events until no event and no size change came for `settle`:
  // without it chokidar drops a `change` within 50 ms of the last one, so a second save that lands
  // after the rebuild read the file would never be reported. It waits for quiet, not for a slow
  // writer, so it can be short: a save half-read is rebuilt again by the event of its second half.
  const main = watch(existing, { ignoreInitial: true, ignored, awaitWriteFinish: settle });
  for (const event of ['add', 'change', 'unlink'] as const) main.on(event, onChange);
  const watchers = [main];
  const waits = [ready(main)];
  for (const path of missing) {
    let parent = dirname(path);
    while (!existsSync(parent) && dirname(parent) !== parent) parent = dirname(parent);
    const scout = watch(parent, { ignoreInitial: true, depth: 0, ignored: (candidate) => candidate !== parent && !path.startsWith(candidate) });
    scout.on('addDir', (added) => {
      if (added !== path && !path.startsWith(added + sep)) return;
      if (existsSync(path)) {
        main.add(path);
        onChange(path);
      }
    });
    scout.on('add', (added) => {
      if (added !== path) return;
      main.add(path);
      onChange(path);
    });
    watchers.push(scout);
    waits.push(ready(scout));
  }
  await Promise.all(waits);
  return {
    close: async () => {
      await Promise.all(watchers.map((watcher) => watcher.close()));
    },
  };
}
