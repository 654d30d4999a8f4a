/** Reads, parses and validates the briefs at the given paths: everything `check` does. */
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import type { VFile } from 'vfile';
import { decodeUtf8 } from '../source/text.js';
import { parseBrief, type ParseLimits } from '../model/parse-brief.js';
import { validateBrief, hasErrors } from '../validate/validate.js';
import { report } from '../errors/report.js';
import type { Brief } from '../types.js';
import { findBriefs } from './find.js';
import { sourcesDirReader } from './sources-reader.js';
import { inlineImage } from '../render/images.js';

export interface LoadOptions {
  /** Files or folders (default `briefs`). */
  paths?: readonly string[] | undefined;
  cwd?: string | undefined;
  /** Folder of source texts; when set, quotes are verified against them. */
  sourcesDir?: string | undefined;
  limits?: Partial<ParseLimits> | undefined;
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

/** Loads every brief; a brief with errors has `brief: null` and its problems on `file`. */
export async function loadBriefs(options: LoadOptions = {}): Promise<LoadedBrief[]> {
  const cwd = options.cwd ?? process.cwd();
  const paths = await findBriefs(options.paths?.length ? options.paths : ['briefs'], cwd);
  const loaded: LoadedBrief[] = [];
  const ids = new Map<string, string>();
  for (const path of paths) {
    const { text, valid } = decodeUtf8(await readFile(path));
    const parsed = parseBrief(text, { path: relative(cwd, path) || path, invalidUtf8: !valid, ...(options.limits ? { limits: options.limits } : {}) });
    const readSource = options.sourcesDir ? sourcesDirReader(resolve(cwd, options.sourcesDir), parsed.draft) : undefined;
    const checkImage = (url: string) => {
      const image = inlineImage(dirname(path), url);
      return 'problem' in image ? image.problem : null;
    };
    const result = validateBrief(parsed, readSource ? { readSource, checkImage } : { checkImage });
    const id = result.brief?.meta.id;
    if (id && ids.has(id)) {
      report(result.file, 'duplicate-id', parsed.places.get('meta.id'), { what: `brief id (also in ${ids.get(id)})`, id });
    } else if (id) ids.set(id, result.file.path);
    const quotes = Array.isArray(parsed.draft.quotes) ? parsed.draft.quotes.length : 0;
    loaded.push({ path, file: result.file, brief: hasErrors(result.file) ? null : result.brief, quotesVerified: result.quotesVerified, quotes });
  }
  return loaded;
}
