/**
 * `briefsmith init`: writes a briefs repository into a folder. Nothing is overwritten unless
 * `force`: when any file is already there, nothing at all is written and the error names every
 * one, so a second run never leaves a half-initialised repository. package.json is the one
 * exception: an existing one is extended (package-json.ts). All files are written as one change.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BriefsmithError } from '../errors/briefsmith-error.js';
import { writeFilesAtomic } from '../io/write.js';
import { type PackageJsonOptions, projectPackageJson } from './package-json.js';
import { projectFiles } from './project-files.js';

/** Files `init` would overwrite (exit 2): listed all at once, with the way out. */
export class ProjectFilesExistError extends BriefsmithError {
  constructor(
    readonly paths: readonly string[],
    folder: string,
  ) {
    super(`Refusing to overwrite ${paths.join(', ')} in ${folder}; pass --force to overwrite ${paths.length === 1 ? 'it' : 'them'}`);
  }
}

export interface InitOptions extends PackageJsonOptions {
  /** The example brief's date (YYYY-MM-DD). */
  date: string;
  /** false: no example brief (the repository brings its own). */
  example?: boolean;
  /** Overwrite files that exist (package.json is extended either way). */
  force?: boolean;
}

export interface InitResult {
  /** Every file written, relative to the folder with `/` separators, in the order written. */
  written: string[];
  /** Whether package.json was there before (and was extended rather than created). */
  packageJsonExisted: boolean;
}

/** Writes the repository into `folder` (created when missing). */
export async function initProject(folder: string, options: InitOptions): Promise<InitResult> {
  const files = projectFiles({ date: options.date, example: options.example !== false });
  const present = files.filter((file) => existsSync(join(folder, file.path))).map((file) => file.path);
  if (present.length > 0 && !options.force) throw new ProjectFilesExistError(present, relative(process.cwd(), folder) || '.');
  const packagePath = join(folder, 'package.json');
  const existing = existsSync(packagePath) ? readFileSync(packagePath, 'utf8') : undefined;
  const packageJson = projectPackageJson(existing, options, relative(process.cwd(), packagePath));
  const all = [...files, ...(packageJson === existing ? [] : [{ path: 'package.json', text: packageJson }])];
  await writeFilesAtomic(all.map((file) => ({ path: join(folder, ...file.path.split('/')), data: file.text })));
  return { written: all.map((file) => file.path), packageJsonExisted: existing !== undefined };
}
