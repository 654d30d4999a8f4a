/** The duplicate-id check across the briefs of one build, in path order. */
import type { Point, Position } from 'unist';
import { report } from '../errors/report.js';
import type { VFile } from 'vfile';
import type { Brief, BriefMeta } from '../types.js';

/** What the check reads and changes of a loaded brief. */
interface Checked {
  file: VFile;
  brief: Brief | null;
  /** A job's result: its meta goes with its model (BriefJobResult.meta). */
  meta?: BriefMeta | null;
}

/** Brief ids seen so far, in path order: a later brief reusing one gets a `duplicate-id` error. */
export class DuplicateIds {
  private readonly ids = new Map<string, string>();

  /** Records `loaded`'s id, or reports it as a duplicate and drops its model. */
  check(loaded: Checked, id: string | undefined, idPlace: Position | Point | undefined): void {
    if (!id) return;
    const first = this.ids.get(id);
    if (first === undefined) {
      this.ids.set(id, loaded.file.path);
      return;
    }
    report(loaded.file, 'duplicate-id', idPlace, { what: `brief id (also in ${first})`, id });
    loaded.brief = null;
    if (loaded.meta !== undefined) loaded.meta = null;
  }
}
