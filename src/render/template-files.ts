/**
 * Where template files come from. Each file is looked up in order — the user's directory
 * (`--templates` or the config's `templates`), the project's `templates/`, then the defaults
 * shipped with briefsmith in `defaults/templates/` — so an editor can override one partial
 * without copying the rest. The defaults live outside any folder named `templates/`, so inside
 * briefsmith's own checkout a project override can be tried and `templates eject` copies.
 */
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BriefsmithError } from '../errors/briefsmith-error.js';

export type TemplateFormat = 'md' | 'html';

/** The defaults shipped with the package (from `src/render/` and `dist/render/` alike). */
export const builtinTemplatesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../defaults/templates');

/** The project's own override folder: `templates/` in `cwd`. */
export const projectTemplatesDir = (cwd: string): string => join(cwd, 'templates');

/** The directories searched, highest priority first, without duplicates or missing ones. */
export function templateDirs(options: { templates?: string | undefined; cwd?: string } = {}): string[] {
  const cwd = options.cwd ?? process.cwd();
  const candidates = [options.templates ? resolve(cwd, options.templates) : undefined, projectTemplatesDir(cwd), builtinTemplatesDir];
  const dirs: string[] = [];
  for (const dir of candidates) if (dir && !dirs.includes(dir) && (dir === builtinTemplatesDir || existsSync(dir))) dirs.push(dir);
  return dirs;
}

/** The main template of a layout (document kind) in `format`: `brief.html.hbs`, `note.md.hbs`. */
export const mainTemplateName = (format: TemplateFormat, layout = 'brief'): string => `${layout}.${format}.hbs`;

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
