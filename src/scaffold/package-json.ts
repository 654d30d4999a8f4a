/**
 * The package.json of a briefs repository: briefsmith as a dependency and the scripts its README
 * names. An existing package.json (npm writes one when briefsmith is installed first, with the
 * tarball or git URL it came from) is extended, never replaced: its fields, scripts and
 * dependency on briefsmith win over the defaults.
 */
import { BriefsmithError } from '../errors/briefsmith-error.js';

/** The scripts a briefs repository runs (`npm run check`, `npm run build`, `npm run preview`). */
export const projectScripts = {
  check: 'briefsmith check briefs',
  build: 'briefsmith build briefs',
  preview: 'briefsmith serve briefs',
} as const;

/** A package.json that is not a JSON object (exit 2): init will not guess what it meant. */
export class PackageJsonError extends BriefsmithError {
  constructor(path: string, reason: string) {
    super(`${path}: ${reason}; fix or remove it, then run \`briefsmith init\` again`);
  }
}

export interface PackageJsonOptions {
  /** The package name (the folder's name, made npm-safe). */
  name: string;
  /** What the dependency on briefsmith says when package.json has none: a range, a tarball, a git URL. */
  dependency: string;
  /** briefsmith's own `engines.node`, so the repository asks for the Node briefsmith runs on. */
  node: string;
}

/** A folder name as an npm package name: lowercase, URL-safe, never empty. */
export function packageName(folder: string): string {
  const name = folder
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+|[._-]+$/g, '');
  return name.slice(0, 214) || 'briefs';
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The text of package.json: `existing` (its text, or undefined when there is none) with what is missing added. */
export function projectPackageJson(existing: string | undefined, options: PackageJsonOptions, path = 'package.json'): string {
  let current: Json = {};
  if (existing !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(existing);
    } catch (error) {
      throw new PackageJsonError(path, `not valid JSON (${(error as Error).message})`);
    }
    if (!isObject(parsed)) throw new PackageJsonError(path, 'not a JSON object');
    current = parsed;
  }
  const section = (key: string): Json => (isObject(current[key]) ? current[key] : {});
  const installed = 'briefsmith' in section('dependencies') || 'briefsmith' in section('devDependencies');
  const merged: Json = {
    name: options.name,
    private: true,
    description: 'Briefs built with briefsmith',
    engines: { node: options.node },
    ...current,
    scripts: { ...projectScripts, ...section('scripts') },
    dependencies: installed ? section('dependencies') : { ...section('dependencies'), briefsmith: options.dependency },
  };
  if (installed && !isObject(current.dependencies)) delete merged.dependencies;
  return `${JSON.stringify(merged, null, 2)}\n`;
}
