/** The cache's record of a brief just rendered, and of each output written for it. */
import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { plainText } from '../render/plain-text.js';
import type { BriefMeta } from '../types.js';
import type { CacheEntry, OutputRecord } from './cache.js';
import { TemplateInputs } from './cache-inputs.js';
import type { SourceHash } from './source-hash.js';

export interface RenderedBrief {
  /** Its source path, relative to the project. */
  source: string;
  /** The source hash taken this build (none for a source that could not be hashed). */
  hashed: SourceHash | undefined;
  meta: BriefMeta;
  /** The build time (ISO 8601). */
  builtAt: string;
  changes: { since: string; summary: string } | null;
  /** The records of outputs that still stand (those of the same id). */
  outputs: CacheEntry['outputs'];
}

/** How the index page, the feed and the search list a brief. */
export function listedAs({ meta }: { meta: BriefMeta }): { id: string; title: string; summary: string; keywords: string[] } {
  return { id: meta.id, title: meta.title, summary: plainText(meta.summary), keywords: meta.keywords };
}

/** The entry of a brief rendered this build: what the index, feed and search show, and its outputs. */
export function briefEntry({ source, hashed, meta, builtAt, changes, outputs }: RenderedBrief): CacheEntry {
  return {
    source,
    sourceHash: hashed?.hash ?? '',
    sourceStamp: hashed?.stamp ?? null,
    ...listedAs({ meta }),
    date: meta.date,
    classification: meta.classification,
    authors: meta.authors,
    changes,
    builtAt,
    outputs,
  };
}

/** The record of an output file just written (the hash of its bytes), with what it was rendered from. */
export function outputRecord(
  outDir: string,
  written: { path: string; sha256: string },
  made: { sourceHash: string; optionsKey: string; used: ReadonlyMap<string, string> },
): OutputRecord {
  const info = statSync(written.path);
  return {
    path: relative(outDir, written.path),
    bytes: info.size,
    sha256: written.sha256,
    mtimeMs: info.mtimeMs,
    sourceHash: made.sourceHash,
    optionsKey: made.optionsKey,
    inputs: TemplateInputs.recorded(made.used),
  };
}
