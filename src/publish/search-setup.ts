/**
 * What the search data is made with: the fields the page and the index agree on, and the
 * MiniSearch version that decides how text becomes terms (part of every cached entry's key).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/** What the page and the index agree on: the browser loads the index with the same options. */
export const searchOptions = { fields: ['title', 'summary', 'keywords', 'text'], idField: 'id' };

export interface SearchSetup {
  fields: readonly string[];
  /** Part of every entry's key: the library's version decides how text becomes terms. */
  version: string;
}

// The package exports neither its package.json nor its browser build: found from its main file (dist/cjs/index.cjs).
let root: string | undefined;
let setup: SearchSetup | undefined;

/** The folder MiniSearch is installed in. */
export function minisearchRoot(): string {
  root ??= resolve(dirname(createRequire(import.meta.url).resolve('minisearch')), '..', '..');
  return root;
}

/** The fields and library version every search entry is made with. */
export function searchSetup(): SearchSetup {
  setup ??= {
    fields: searchOptions.fields,
    version: (JSON.parse(readFileSync(join(minisearchRoot(), 'package.json'), 'utf8')) as { version: string }).version,
  };
  return setup;
}
