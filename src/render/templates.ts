/**
 * Template resolution and compilation. Each file is looked up in order — the user's directory
 * (`--templates`), the project's `templates/`, then the defaults shipped with briefsmith — so an
 * editor can override one partial without copying the rest. Compiled templates are cached by
 * path and modification time.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { BriefsmithError } from '../errors/briefsmith-error.js';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { HelperOptions } from 'handlebars';
import { commonHelpers } from './helpers/common.js';
import { htmlHelpers, markdownHelpers } from './helpers/format.js';
import { toTemplateError } from './template-error.js';
import { noteTemplateUse, templateTextHash } from './template-usage.js';

export type TemplateFormat = 'md' | 'html';

/** The defaults shipped with the package. */
export const builtinTemplatesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../templates');

/** The directories searched, highest priority first, without duplicates or missing ones. */
export function templateDirs(options: { templates?: string | undefined; cwd?: string } = {}): string[] {
  const cwd = options.cwd ?? process.cwd();
  const candidates = [options.templates ? resolve(cwd, options.templates) : undefined, join(cwd, 'templates'), builtinTemplatesDir];
  const dirs: string[] = [];
  for (const dir of candidates) if (dir && !dirs.includes(dir) && (dir === builtinTemplatesDir || existsSync(dir))) dirs.push(dir);
  return dirs;
}

/** The first directory's copy of `relative`, or undefined. */
export function resolveTemplateFile(dirs: readonly string[], relative: string): string | undefined {
  for (const dir of dirs) {
    const candidate = join(dir, relative);
    if (existsSync(candidate)) return checkedTemplateFile(dir, candidate);
  }
  return undefined;
}

/** A template file that leads out of its folder through a symlink (exit 2): templates are read only from inside it. */
export class TemplateSymlinkError extends BriefsmithError {
  constructor(readonly path: string) {
    super(`${path} leads outside its templates folder through a symlink; copy the file in instead`);
  }
}

/** `path` when its real path lies inside the real path of `dir`; throws `TemplateSymlinkError` otherwise. */
export function checkedTemplateFile(dir: string, path: string): string {
  const inside = relative(realpathSync(dir), realpathSync(path));
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) throw new TemplateSymlinkError(path);
  return path;
}

/** Every partial name for `format` across `dirs`, mapped to the file that wins. */
export function resolvePartials(dirs: readonly string[], format: TemplateFormat): Map<string, string> {
  const partials = new Map<string, string>();
  for (const dir of dirs) {
    const folder = join(dir, 'partials', format);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort()) {
      if (name.endsWith('.hbs') && !partials.has(name.slice(0, -4))) partials.set(name.slice(0, -4), checkedTemplateFile(dir, join(folder, name)));
    }
  }
  return partials;
}

type Compiled = (context: unknown, options?: Handlebars.RuntimeOptions) => string;

function compileFile(hbs: typeof Handlebars, path: string, format: TemplateFormat): Compiled & { hash: string } {
  const source = readFileSync(path, 'utf8');
  const hash = templateTextHash(source);
  let template: Compiled;
  try {
    // Parse now so a syntax error names this file, not the first template that uses it.
    hbs.parse(source);
    template = hbs.compile(source, { strict: true, preventIndent: format === 'md' }) as Compiled;
  } catch (error) {
    throw toTemplateError(error, path, source);
  }
  const run: Compiled = (context, options) => {
    try {
      return template(context, options);
    } catch (error) {
      throw toTemplateError(error, path, source);
    }
  };
  return Object.assign(run, { hash });
}

/** Wraps a helper so its errors carry the template position Handlebars passes in `options.loc`. */
function located(helper: (...args: never[]) => unknown) {
  return function (this: unknown, ...args: unknown[]) {
    try {
      return (helper as (...values: unknown[]) => unknown).apply(this, args);
    } catch (error) {
      const options = args.at(-1) as HelperOptions & { loc?: unknown };
      throw Object.assign(error instanceof Error ? error : new Error(String(error)), { loc: options?.loc });
    }
  };
}

/** A compiled set of templates for one format, ready to render views. */
export interface TemplateSet {
  format: TemplateFormat;
  main: string;
  partials: Map<string, string>;
  /** `data` reaches helpers as `options.data` (e.g. `baseDir`, the brief's folder for images). */
  render(view: unknown, data?: Record<string, unknown>): string;
}

/**
 * Compiled sets by file names and times. Every template edit in a long `watch` or `serve` adds a
 * key, so the oldest sets are dropped past a bound (a set is a few hundred KB of functions).
 */
const setCache = new Map<string, TemplateSet>();
export const maxCompiledSets = 16;

/** How many compiled sets are held now (bounded by `maxCompiledSets`). */
export function compiledSetCount(): number {
  return setCache.size;
}

/** The main template of a layout (document kind) in `format`: `brief.html.hbs`, `note.md.hbs`. */
export const mainTemplateName = (format: TemplateFormat, layout = 'brief'): string => `${layout}.${format}.hbs`;

/**
 * Loads the templates of `format` for `layout` from `dirs`, reusing a compiled set while no file
 * has changed. Layouts share the partials; each has its own main template.
 */
export function loadTemplates(dirs: readonly string[], format: TemplateFormat, layout = 'brief'): TemplateSet {
  const name = mainTemplateName(format, layout);
  const main = resolveTemplateFile(dirs, name);
  if (!main) throw toTemplateError(new Error(`No template ${name} in ${dirs.join(', ')}`), name);
  const partials = resolvePartials(dirs, format);
  const key = [format, ...[main, ...partials.values()].map((path) => `${path}@${statSync(path).mtimeMs}`)].join('\0');
  const cached = setCache.get(key);
  if (cached) return cached;
  const set = compileSet(format, name, main, partials);
  if (setCache.size >= maxCompiledSets) setCache.delete(setCache.keys().next().value!);
  setCache.set(key, set);
  return set;
}

function compileSet(format: TemplateFormat, name: string, main: string, partials: Map<string, string>): TemplateSet {
  const hbs = Handlebars.create();
  const helpers = { ...commonHelpers, ...(format === 'md' ? markdownHelpers : htmlHelpers) };
  for (const [name, helper] of Object.entries(helpers)) hbs.registerHelper(name, located(helper as never));
  for (const [name, path] of partials) {
    const compiled = compileFile(hbs, path, format);
    // Record each invocation so the build cache depends only on the partials a brief really uses.
    hbs.registerPartial(name, ((context, options) => {
      noteTemplateUse(`partials/${format}/${name}.hbs`, compiled.hash);
      return compiled(context, options);
    }) as Compiled as never);
  }
  const template = compileFile(hbs, main, format);
  const runtime = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };
  return {
    format,
    main,
    partials,
    render: (view, data) => {
      noteTemplateUse(name, template.hash);
      return template(view, data ? { ...runtime, data } : runtime);
    },
  };
}

/** A stylesheet (`print.css`) as resolved; empty when none. */
export function loadStylesheet(dirs: readonly string[], name = 'print.css'): string {
  const path = resolveTemplateFile(dirs, name);
  const text = path ? readFileSync(path, 'utf8') : '';
  if (path) noteTemplateUse(name, templateTextHash(text));
  return text;
}
