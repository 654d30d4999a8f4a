/**
 * The previous publication a `--since` build compares with, opened once per build and shared by
 * every job of that build on this process (a later build may compare with a newer one).
 */
import { resolve } from 'node:path';
import { PreviousPublication } from '../publish/since.js';

let publication: { key: string; opened: Promise<PreviousPublication> } | undefined;

/** The previous publication, opened once per build (a later build may compare with a newer one). */
export function previousPublication(since: string, cwd: string, build: string): Promise<PreviousPublication> {
  const key = `${build}\0${resolve(cwd, since)}`;
  if (publication?.key !== key) publication = { key, opened: PreviousPublication.open(since, cwd) };
  return publication.opened;
}
