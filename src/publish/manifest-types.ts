/**
 * The shapes of `out/manifest.json` that the build, the index, the feed, the search and `merge`
 * all share, kept apart from how the file is read or written.
 */
import type { Format } from '../render/formats.js';

export interface ManifestOutput {
  format: Format;
  path: string;
  bytes: number;
  sha256: string;
}

export interface ManifestBrief {
  id: string;
  title: string;
  date: string;
  classification: string;
  /** The bottom line as plain text (no citations, no Markdown). */
  summary: string;
  keywords: string[];
  authors: string[];
  /** What changed since the previous publication (`build --since`), as the build printed it; null without one. */
  changes: { since: string; summary: string } | null;
  /** The brief's source file, relative to the project. */
  source: string;
  sourceHash: string;
  builtAt: string;
  outputs: ManifestOutput[];
}

export interface Manifest {
  generator: 'briefsmith';
  version: string;
  /** Only in a shard's manifest fragment (`build --shard i/N`): which part, and what every part of one build shares. */
  shard?: { index: number; count: number; fingerprint: string } | undefined;
  briefs: ManifestBrief[];
}
