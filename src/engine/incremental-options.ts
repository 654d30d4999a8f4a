/** What the incremental side of a build needs to know about the build (see incremental.ts). */
import type { Format } from '../render/formats.js';
import type { PreviousPublication } from '../publish/since.js';
import type { Shard } from '../publish/shard.js';
import type { ParseLimits } from '../source/limits.js';
import type { FieldDeclarations } from '../config/fields.js';

export interface IncrementalOptions {
  cwd: string;
  outDir: string;
  cacheDir?: string | undefined;
  formats: readonly Format[];
  templates?: string | undefined;
  force?: boolean | undefined;
  paper?: string | undefined;
  since?: PreviousPublication | undefined;
  /** Build time written for rebuilt briefs (ISO 8601). */
  now: string;
  /** The parse limits: a brief over them is hashed without looking for the images it references. */
  limits?: Partial<ParseLimits> | undefined;
  /** Site mode: the HTML links `assets/` (see site-assets.ts). */
  site?: boolean | undefined;
  /** Absolute URL of the published folder, for the feed. */
  baseUrl?: string | undefined;
  /** Build only this shard's briefs and write a manifest fragment, no index, feed or search (see merge.ts). */
  shard?: ShardBuild | undefined;
  /** The declared front-matter fields: every output depends on them through the model. */
  fields?: FieldDeclarations | undefined;
}

/** A shard build: which part, and the fingerprint every shard of one build must share. */
export interface ShardBuild extends Shard {
  fingerprint: string;
}
