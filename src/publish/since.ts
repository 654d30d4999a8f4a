/**
 * The previously published version of each brief, for `build --since <out dir | manifest.json>`:
 * the `<id>.json` model the manifest lists (or that sits in the folder), read and validated.
 */
import { BriefsmithError } from '../errors/briefsmith-error.js';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { briefSchema } from '../model/schema.js';
import { upgradeModel } from '../model/upgrade.js';
import type { Brief } from '../types.js';
import { manifestFileName, readManifest } from './manifest.js';
import { sha256 } from '../io/hash.js';

/** `--since` names something that is neither a published out dir nor a manifest (exit 2). */
export class SinceError extends BriefsmithError {
  constructor(message: string) {
    super(message);
  }
}

export interface PreviousBrief {
  brief: Brief;
  hash: string;
}

/** A previous publication: where each id's JSON model is, read on demand. */
export class PreviousPublication {
  private readonly read = new Map<string, Promise<PreviousBrief | null>>();

  private constructor(
    private readonly jsonPaths: ReadonlyMap<string, string>,
    private readonly folder: string,
  ) {}

  /** Opens `target`: an out dir (with or without a manifest) or a manifest file. */
  static async open(target: string, cwd = process.cwd(), outDir?: string): Promise<PreviousPublication> {
    const path = resolve(cwd, target);
    if (!existsSync(path)) throw new SinceError(`--since: no such file or directory: ${target}`);
    const isFolder = statSync(path).isDirectory();
    const manifestPath = isFolder ? join(path, manifestFileName) : path;
    const folder = isFolder ? path : dirname(path);
    // The build replaces what it would compare against: the changes would be against itself.
    if (outDir !== undefined && folder === resolve(cwd, outDir)) {
      throw new SinceError(
        `--since: ${target} is the output folder of this build; keep the previous publication elsewhere (\`cp -r out previous\`, then \`--since previous\`)`,
      );
    }
    const manifest = existsSync(manifestPath) ? (await readManifest(manifestPath)).manifest : null;
    if (!isFolder && !manifest) throw new SinceError(`--since: ${target} is not a briefsmith manifest.json`);
    const jsonPaths = new Map<string, string>();
    for (const brief of manifest?.briefs ?? []) {
      const json = brief.outputs.find((output) => output.format === 'json');
      if (json && json.path === `${brief.id}.json`) jsonPaths.set(brief.id, join(folder, json.path));
    }
    return new PreviousPublication(manifest ? jsonPaths : new Map(), folder);
  }

  /** The JSON model's path for `id`: from the manifest when there is one, else `<id>.json` in the folder. */
  private pathOf(id: string): string | undefined {
    if (this.jsonPaths.size > 0) return this.jsonPaths.get(id);
    return /^[a-z0-9-]+$/.test(id) ? join(this.folder, `${id}.json`) : undefined;
  }

  /** The published model of `id` and the hash of its JSON; null when it was not published or is unreadable. */
  get(id: string): Promise<PreviousBrief | null> {
    let pending = this.read.get(id);
    if (!pending) {
      pending = this.load(id);
      this.read.set(id, pending);
    }
    return pending;
  }

  private async load(id: string): Promise<PreviousBrief | null> {
    const path = this.pathOf(id);
    const text = path ? await readFile(path, 'utf8').catch(() => null) : null;
    if (text === null) return null;
    try {
      const parsed = briefSchema.safeParse(upgradeModel(JSON.parse(text)));
      return parsed.success ? { brief: parsed.data, hash: sha256(text) } : null;
    } catch {
      return null;
    }
  }
}
