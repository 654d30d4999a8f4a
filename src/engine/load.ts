/** Reads, parses and validates the briefs at the given paths: everything `check` does. */
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import { decodeUtf8 } from '../source/text.js';
import { defaultLimits, parseBrief, type ParseLimits } from '../model/parse-brief.js';
import type { Root } from 'mdast';
import { CONTINUE, EXIT, visit } from '../source/visit-tree.js';
import { frontMatterMarkdown, validateBrief } from '../validate/validate.js';
import type { Brief } from '../types.js';
import { findBriefs } from '../source/find.js';
import { sourcesDirReader } from '../validate/sources-reader.js';
import { inlineImage } from '../render/images.js';
import type { Fragments } from '../model/fragments.js';
import type { FieldDeclarations } from '../config/fields.js';
import { report } from '../errors/report.js';
import { DuplicateIds } from './duplicate-ids.js';

export { DuplicateIds } from './duplicate-ids.js';

export interface LoadOptions {
  /** Files or folders (default `briefs`). */
  paths?: readonly string[] | undefined;
  cwd?: string | undefined;
  /** Folder of source texts; when set, quotes are verified against them. */
  sourcesDir?: string | undefined;
  limits?: Partial<ParseLimits> | undefined;
  /** The project's declared front-matter fields (`fields` in briefsmith.config.json). */
  fields?: FieldDeclarations | undefined;
}

export interface LoadedBrief {
  /** Absolute path of the brief. */
  path: string;
  file: VFile;
  /** The typed brief; null when it has errors. */
  brief: Brief | null;
  quotesVerified: number;
  quotes: number;
}

/** One loaded brief and where its id is written, for the duplicate-id check across briefs. */
export interface LoadedOne extends LoadedBrief {
  /** The brief's id when its model could be built, even if other errors keep it from rendering. */
  id: string | undefined;
  idPlace: Position | Point | undefined;
}

/** A brief just parsed, with the trees of its Markdown fields for the render that follows. */
export interface ParsedOne extends LoadedOne {
  fragments: Fragments;
}

/** Loads every brief; a brief with errors has `brief: null` and its problems on `file`. */
export async function loadBriefs(options: LoadOptions = {}): Promise<LoadedBrief[]> {
  const cwd = options.cwd ?? process.cwd();
  const paths = await findBriefs(options.paths?.length ? options.paths : ['briefs'], cwd);
  const ids = new DuplicateIds();
  const loaded: LoadedBrief[] = [];
  for (const path of paths) {
    const { id, idPlace, fragments: _trees, ...one } = await loadBrief(path, options);
    ids.check(one, id, idPlace);
    loaded.push(one);
  }
  return loaded;
}

/** Reads, parses and validates the brief at `path` (absolute), on its own. */
export async function loadBrief(path: string, options: Omit<LoadOptions, 'paths'> = {}): Promise<ParsedOne> {
  const cwd = options.cwd ?? process.cwd();
  const { text, valid } = decodeUtf8(await readFile(path));
  const parsed = parseBrief(text, {
    path: relative(cwd, path) || path,
    invalidUtf8: !valid,
    fields: options.fields,
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const readSource = options.sourcesDir ? sourcesDirReader(resolve(cwd, options.sourcesDir), parsed.draft) : undefined;
  const imageBytes = new Map<string, number>();
  const checkImage = (url: string) => {
    const image = inlineImage(dirname(path), url);
    if ('problem' in image) return image.problem;
    imageBytes.set(url, image.bytes);
    return null;
  };
  const result = validateBrief(parsed, readSource ? { readSource, checkImage } : { checkImage });
  const overLimit = checkInlinedBytes(
    result.file,
    [
      [parsed.tree, undefined],
      [frontMatterMarkdown(parsed), parsed.places.get('meta.summary')],
    ],
    imageBytes,
    options.limits?.maxInlinedBytes ?? defaultLimits.maxInlinedBytes,
  );
  const quotes = Array.isArray(parsed.draft.quotes) ? parsed.draft.quotes.length : 0;
  return {
    path,
    file: result.file,
    brief: overLimit ? null : result.brief,
    quotesVerified: result.quotesVerified,
    quotes,
    id: result.partial?.meta.id,
    idPlace: parsed.places.get('meta.id'),
    fragments: result.fragments,
  };
}

/**
 * Every use of an image inlines its bytes again (a 2 MiB picture shown a hundred times made a
 * 270 MB page that took Chromium down), so the bytes are counted at each use, in document order,
 * and the image that goes over the limit is reported.
 */
function checkInlinedBytes(file: VFile, trees: Array<[Root | null, Position | undefined]>, imageBytes: ReadonlyMap<string, number>, limit: number): boolean {
  if (imageBytes.size === 0) return false;
  let total = 0;
  for (const [tree, at] of trees) {
    if (!tree) continue;
    let over = false;
    visit(tree, 'image', (node) => {
      total += imageBytes.get(node.url) ?? 0;
      if (total <= limit) return CONTINUE;
      report(file, 'limit-exceeded', at ?? node.position, {
        what: 'bytes of images inlined, counted at each use',
        actual: total.toLocaleString('en'),
        limit: limit.toLocaleString('en'),
      });
      over = true;
      return EXIT;
    });
    if (over) return true;
  }
  return false;
}
