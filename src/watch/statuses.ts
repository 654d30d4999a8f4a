/**
 * Every watched brief's state after the last build that touched it: those the build loaded
 * (changed, new, or with errors) from its result, the others from the published manifest.
 */
import { basename, resolve } from 'node:path';
import type { VFile } from 'vfile';
import type { BuildResult } from '../engine/build-result.js';
import type { Manifest } from '../publish/manifest.js';

/** The state of one brief after the last rebuild that touched it. */
export interface BriefStatus {
  path: string;
  /** The brief's id, or (while it has errors) its last good id, else its file name. */
  id: string;
  title: string | null;
  /** The brief's messages, then any template failure that kept its outputs from updating. */
  files: VFile[];
  /** False while the brief has errors or its outputs could not be rendered. */
  ok: boolean;
}

export class BriefStatuses {
  private readonly byPath = new Map<string, BriefStatus>();

  constructor(private readonly cwd: string) {}

  all(): BriefStatus[] {
    return [...this.byPath.values()].sort((left, right) => left.path.localeCompare(right.path));
  }

  /** Takes in a build's result; returns the statuses of the briefs it loaded. */
  update(result: BuildResult, manifest: Manifest | null): BriefStatus[] {
    const rebuilt = result.briefs.map((loaded) => {
      const previous = this.byPath.get(loaded.path);
      const blocked = result.blocked.filter((entry) => entry.path === loaded.file.path).map((entry) => entry.template);
      const failed = result.failures.some((failure) => failure.path === loaded.file.path);
      const status: BriefStatus = {
        path: loaded.path,
        id: loaded.brief?.meta.id ?? previous?.id ?? basename(loaded.path, '.md'),
        title: loaded.brief?.meta.title ?? previous?.title ?? null,
        files: [loaded.file, ...blocked],
        // A brief stopped by a worker limit after its HTML was written has a model and an error.
        ok: loaded.brief !== null && blocked.length === 0 && !failed && !loaded.file.messages.some((message) => message.fatal === true),
      };
      return status;
    });
    const loaded = new Set(rebuilt.map((status) => status.path));
    const published = new Map((manifest?.briefs ?? []).map((entry) => [resolve(this.cwd, entry.source), entry]));
    // A brief neither loaded nor published is gone (deleted, or moved out of the watched folders).
    for (const path of [...this.byPath.keys()]) if (!loaded.has(path) && !published.has(path)) this.byPath.delete(path);
    for (const [path, entry] of published) {
      if (!loaded.has(path) && !this.byPath.has(path)) this.byPath.set(path, { path, id: entry.id, title: entry.title, files: [], ok: true });
    }
    for (const status of rebuilt) this.byPath.set(status.path, status);
    return rebuilt;
  }

  get size(): number {
    return this.byPath.size;
  }
}
