/**
 * Containment by construction: every path briefsmith writes or deletes in a folder it owns (the
 * out dir, the cache dir) goes through `ownedPath`, which proves the path inside the folder
 * before the call: lexically (a relative name with no `..`, NUL or drive/absolute part), and
 * physically (the real path of the file's parent folder, through every symlink, is the folder's
 * real path or below it). A file that is itself a symlink is replaced or removed as a link,
 * never followed. Names come from manifests and caches on disk (restored by CI from artefacts),
 * so they are data to check, not paths to trust.
 */
import { realpathSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { BriefsmithError } from '../errors/briefsmith-error.js';
import { isTemporaryOf, type StagedFile, stageFile, writeFileAtomic, writeFilesAtomic } from './write.js';

/** A path outside the folder it must stay in (exit 2: the files on disk are not what briefsmith wrote). */
export class ContainmentError extends BriefsmithError {
  constructor(
    readonly folder: string,
    readonly file: string,
  ) {
    super(`refusing to touch ${JSON.stringify(file)}: it is not inside ${folder}`);
  }
}

/** Whether `path` is `folder` or below it (both absolute). */
export function isInside(folder: string, path: string): boolean {
  const inside = relative(folder, path);
  return inside === '' || (!inside.startsWith(`..${sep}`) && inside !== '..' && !isAbsolute(inside));
}

/** Whether `name` is a plain relative name: no absolute part, no `..` segment, no NUL, no backslash. */
export function isSafeName(name: string): boolean {
  if (name === '' || name.includes('\0') || name.includes('\\') || isAbsolute(name)) return false;
  return name.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/** The real path of `path`, or of its nearest existing ancestor with the rest appended (a folder not made yet). */
export function realPathOf(path: string): string {
  const missing: string[] = [];
  let current = resolve(path);
  for (;;) {
    try {
      return join(realpathSync(current), ...missing.reverse());
    } catch (error) {
      const parent = dirname(current);
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === current) throw error;
      missing.push(current.slice(parent.length).replace(/^[/\\]/, ''));
      current = parent;
    }
  }
}

/**
 * The absolute path of `name` in `folder`, proven inside it (see the module comment); throws
 * `ContainmentError` otherwise.
 */
export function ownedPath(folder: string, name: string): string {
  if (!isSafeName(name)) throw new ContainmentError(folder, name);
  const path = join(folder, name);
  if (!isInside(realPathOf(folder), realPathOf(dirname(path)))) throw new ContainmentError(folder, name);
  return path;
}

/** Writes `data` atomically to `name` in `folder`, once it is proven inside; returns the path. */
export async function writeOwned(folder: string, name: string, data: string | Uint8Array): Promise<string> {
  const path = ownedPath(folder, name);
  await writeFileAtomic(path, data);
  return path;
}

/** What goes into a folder as part of one change: bytes, or a temp file already written for it (`stageOwned`). */
export type OwnedFile = { name: string; data: string | Uint8Array } | { name: string; temporary: string };

/**
 * Writes several files into `folder` as one change (all new or all old), once every name is
 * proven inside, and a staged file's temp file is one of that name's, beside it; returns the paths.
 */
export async function writeAllOwned(folder: string, files: readonly OwnedFile[]): Promise<string[]> {
  const paths = files.map(({ name }) => ownedPath(folder, name));
  const written: Array<{ path: string; data: string | Uint8Array }> = [];
  const staged: StagedFile[] = [];
  for (const [index, file] of files.entries()) {
    const path = paths[index]!;
    if ('data' in file) written.push({ path, data: file.data });
    else if (isTemporaryOf(path, file.temporary)) staged.push({ path, temporary: file.temporary });
    else throw new ContainmentError(folder, file.temporary);
  }
  await writeFilesAtomic(written, staged);
  return paths;
}

/** Writes `data` to a temp file for `name` in `folder`, once it is proven inside, for `writeAllOwned` to put in place (see stageFile). */
export function stageOwned(folder: string, name: string, data: Uint8Array): StagedFile & { synced: Promise<void> } {
  return stageFile(ownedPath(folder, name), data);
}

/** Removes `name` from `folder` (a symlink as a link), once it is proven inside; returns the path. */
export async function removeOwned(folder: string, name: string): Promise<string> {
  const path = ownedPath(folder, name);
  await rm(path, { force: true });
  return path;
}
