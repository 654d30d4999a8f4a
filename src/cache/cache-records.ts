/**
 * What the build cache records about each brief and each of its outputs, as the build sees it:
 * the shapes every cache query and update shares, apart from how the file stores them.
 */
import type { Format } from '../render/formats.js';

/** One written output and the inputs it was rendered from. */
export interface OutputRecord {
  /** File name inside the out dir. */
  path: string;
  bytes: number;
  sha256: string;
  /** Modification time after writing: a cheap "was it touched on disk" check. */
  mtimeMs: number;
  /** The brief source it was rendered from. */
  sourceHash: string;
  /** Hash of the render options (tool version, format, fonts, paper, `--since` input). */
  optionsKey: string;
  /** Template-relative name → sha256 of every template file the render used. */
  inputs: Record<string, string>;
}

/** What the cache knows about one brief, keyed by its source path (relative to the project). */
export interface CacheEntry {
  source: string;
  sourceHash: string;
  /** The stat of the source and of the files it references when `sourceHash` was taken: while it matches, the hash stands. */
  sourceStamp?: string[] | null | undefined;
  id: string;
  title: string;
  date: string;
  classification: string;
  /** What the index, the feed and the search show (see ManifestBrief). */
  summary?: string | undefined;
  keywords?: string[] | undefined;
  authors?: string[] | undefined;
  changes?: { since: string; summary: string } | null | undefined;
  /** When any output of this brief was last rendered (ISO 8601). */
  builtAt: string;
  outputs: Partial<Record<Format, OutputRecord>>;
}

export interface BuildCache {
  version: number;
  /** The out dir this cache describes: a cache dir shared between out dirs must not mix them. */
  outDir: string;
  entries: Record<string, CacheEntry>;
}
