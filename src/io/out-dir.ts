/**
 * The out dir must be a folder of its own: a build writes `<id>.md` there, so an out dir that is
 * a briefs folder overwrites the briefs, one inside it is read back as briefs by the next build,
 * and one around it (`--out .`) can take a brief's file name. Compared by real path, so a
 * symlink does not hide one folder inside another.
 */
import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { BriefsmithError } from '../errors/briefsmith-error.js';
import { isInside, realPathOf } from './contained.js';

/** The out dir overlaps a folder briefsmith reads (exit 2). */
export class OutDirError extends BriefsmithError {}

export interface ReadFolders {
  cwd: string;
  /** Brief files and folders, as given. */
  paths: readonly string[];
  sourcesDir?: string | undefined;
}

/** Throws `OutDirError` when `outDir` is, contains or lies inside a briefs or sources folder. */
export function assertSeparateOutDir(outDir: string, folders: ReadFolders): void {
  const out = realPathOf(resolve(folders.cwd, outDir));
  const shown = relative(folders.cwd, resolve(folders.cwd, outDir)) || '.';
  const read: Array<{ what: string; given: string; path: string; file: boolean }> = [];
  for (const given of folders.paths) read.push({ what: 'briefs', given, ...describe(resolve(folders.cwd, given)) });
  if (folders.sourcesDir !== undefined) read.push({ what: 'sources', given: folders.sourcesDir, ...describe(resolve(folders.cwd, folders.sourcesDir)) });
  for (const { what, given, path, file } of read) {
    // A brief file: the out dir may sit beside it, but must not hold it (its `<id>.md` could replace it).
    const clash = file ? isInside(out, path) : isInside(out, path) || isInside(path, out);
    if (!clash) continue;
    const how = out === path ? 'is' : isInside(out, path) ? 'contains' : 'lies inside';
    throw new OutDirError(
      `the out dir ${shown} ${how} the ${what} ${file ? 'file' : 'folder'} ${given}: outputs would overwrite or be read as its files; choose an out dir of its own (--out)`,
    );
  }
}

function describe(path: string): { path: string; file: boolean } {
  const real = realPathOf(path);
  return { path: real, file: statSync(real, { throwIfNoEntry: false })?.isFile() ?? false };
}
