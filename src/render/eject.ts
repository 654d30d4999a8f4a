/**
 * The built-in templates an editor can copy into a project (`briefsmith templates eject`) and
 * which file each name resolves to (`briefsmith templates list`).
 */
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { layouts } from '../model/schema.js';
import { builtinTemplatesDir, checkedTemplateFile, resolveTemplateFile, TemplateSymlinkError } from './template-files.js';

/** Every built-in template file, relative to the templates folder, with `/` separators, sorted. */
export function builtinTemplateFiles(): string[] {
  const files: string[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && !entry.name.startsWith('.')) files.push(relative(builtinTemplatesDir, path).split(sep).join('/'));
    }
  };
  walk(builtinTemplatesDir);
  return files.sort();
}

/**
 * The built-in files `name` means: a path (`partials/md/reactions.hbs`), the same without its
 * extension, a layout (`note`: its main templates, stylesheet and `note-*` partials), or a
 * partial's name (`reactions`: its Markdown and HTML versions). All files when no name is given;
 * an empty list for a name that matches nothing.
 */
export function matchTemplates(name?: string): string[] {
  const files = builtinTemplateFiles();
  if (!name) return files;
  const wanted = name.replace(/\\/g, '/').replace(/^templates\//, '');
  const withoutExtension = (file: string) => file.replace(/\.(hbs|css)$/, '');
  // A layout's name means its set: `note.html.hbs`, `note.md.hbs`, `note.css`, `partials/*/note-*.hbs`.
  if ((layouts as readonly string[]).includes(wanted)) {
    return files.filter((file) => file.startsWith(`${wanted}.`) || /^partials\/[^/]+\/(.+)$/.exec(file)?.[1]?.startsWith(`${wanted}-`));
  }
  const exact = files.filter((file) => file === wanted || withoutExtension(file) === wanted);
  if (exact.length > 0) return exact;
  return files.filter((file) => file.startsWith('partials/') && withoutExtension(file).split('/').at(-1) === wanted);
}

export interface EjectResult {
  written: string[];
  kept: string[];
}

/** Copies built-in `files` into `targetDir`; an existing file is kept unless `force`. */
export function ejectTemplates(files: readonly string[], targetDir: string, force = false): EjectResult {
  const result: EjectResult = { written: [], kept: [] };
  for (const file of files) {
    const target = join(targetDir, file);
    if (existsSync(target) && !force) {
      result.kept.push(target);
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    // Never write through a symlink (a link in the folder could point anywhere): replace files only inside it.
    if (lstatSync(target, { throwIfNoEntry: false })?.isSymbolicLink()) throw new TemplateSymlinkError(target);
    if (dirname(target) !== targetDir) checkedTemplateFile(targetDir, dirname(target));
    copyFileSync(join(builtinTemplatesDir, file), target);
    result.written.push(target);
  }
  return result;
}

/** For each built-in file, the file that wins resolution in `dirs` (an override or the default). */
export function resolvedTemplates(dirs: readonly string[]): Array<{ name: string; path: string; overridden: boolean }> {
  return builtinTemplateFiles().map((name) => {
    const path = resolveTemplateFile(dirs, name) ?? join(builtinTemplatesDir, name);
    return { name, path, overridden: !path.startsWith(builtinTemplatesDir + sep) };
  });
}
