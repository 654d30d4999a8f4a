/**
 * Template compilation: a format's main template and partials (found through `template-files.ts`:
 * user → project → built-in) compiled into one Handlebars set with the helpers, cached by path
 * and modification time.
 */
import { readFileSync, statSync } from 'node:fs';
import Handlebars from 'handlebars';
import type { HelperOptions } from 'handlebars';
import { commonHelpers } from './helpers/common.js';
import { htmlHelpers, markdownHelpers } from './helpers/format.js';
import { mainTemplateName, resolvePartials, resolveTemplateFile, type TemplateFormat } from './template-files.js';
import { toTemplateError } from './template-error.js';
import { noteTemplateUse, templateTextHash } from './template-usage.js';
import { inSnapshot } from './template-snapshot.js';

export { loadStylesheet } from './stylesheets.js';

// The lookup half moved to template-files.ts; its names stay importable from here.
export {
  builtinTemplatesDir,
  checkedTemplateFile,
  mainTemplateName,
  projectTemplatesDir,
  resolvePartials,
  resolveTemplateFile,
  TemplateSymlinkError,
  templateDirs,
  type TemplateFormat,
} from './template-files.js';

type Compiled = (context: unknown, options?: Handlebars.RuntimeOptions) => string;

function compileFile(hbs: typeof Handlebars, path: string): Compiled & { hash: string } {
  const source = readFileSync(path, 'utf8');
  const hash = templateTextHash(source);
  let template: Compiled;
  try {
    // Parse now so a syntax error names this file, not the first template that uses it.
    hbs.parse(source);
    // A partial's output is never re-indented: Handlebars would indent every line of it, the
    // lines of a code block's <pre> too, and the copying cost more than the template.
    template = hbs.compile(source, { strict: true, preventIndent: true }) as Compiled;
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

/**
 * Loads the templates of `format` for `layout` from `dirs`, reusing a compiled set while no file
 * has changed. Layouts share the partials; each has its own main template. With `snapshot` (a
 * build's id) the files are looked up once for it: every brief of a build renders with the set its
 * first brief found (a template saved during the build counts for the next one, which the build
 * cache's record of the text used tells), instead of listing, resolving and stat'ing each file again.
 */
export function loadTemplates(dirs: readonly string[], format: TemplateFormat, layout = 'brief', snapshot?: string): TemplateSet {
  if (snapshot === undefined) return lookUpTemplates(dirs, format, layout);
  return inSnapshot(snapshot, ['set', format, layout, ...dirs], () => lookUpTemplates(dirs, format, layout));
}

function lookUpTemplates(dirs: readonly string[], format: TemplateFormat, layout: string): TemplateSet {
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
    const compiled = compileFile(hbs, path);
    // Record each invocation so the build cache depends only on the partials a brief really uses.
    hbs.registerPartial(name, ((context, options) => {
      noteTemplateUse(`partials/${format}/${name}.hbs`, compiled.hash);
      return compiled(context, options);
    }) as Compiled as never);
  }
  const template = compileFile(hbs, main);
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
