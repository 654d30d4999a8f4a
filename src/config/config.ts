/**
 * The project file `briefsmith.config.json` (or `.mjs`/`.js` exporting the same object as
 * default): settings an editor would otherwise repeat on every command. It is looked for in the
 * current directory and then each parent, the way npm finds package.json; flags override it.
 */
import { BriefsmithError } from '../errors/briefsmith-error.js';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { fieldsSetting, type FieldDeclarations } from './fields.js';
import { limitsSetting, type ConfigLimits } from './limits-setting.js';
import { findConfigFile } from './config-file.js';

export { configNames, findConfigFile } from './config-file.js';

const configSchema = z.strictObject({
  $schema: z.string().optional(),
  templates: z.string().min(1).optional().describe('Templates folder that overrides the project and built-in templates, relative to the config file'),
  fields: fieldsSetting.optional(),
  limits: limitsSetting.optional(),
});
const settingNames = Object.keys(configSchema.shape).filter((name) => name !== '$schema');

/** A config file that cannot be read or holds unknown or wrong settings: a usage error (exit 2). */
export class ConfigError extends BriefsmithError {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

export interface ProjectConfig {
  /** The config file used, or undefined when there is none. */
  path: string | undefined;
  /** Absolute templates folder, when the config names one. */
  templates: string | undefined;
  /** The front-matter fields the project declares (none without a config). */
  fields: FieldDeclarations;
  /** The limits it sets (none without a config). */
  limits: ConfigLimits;
}

async function readConfig(path: string): Promise<unknown> {
  if (path.endsWith('.json')) {
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as unknown;
    } catch (error) {
      throw new ConfigError(path, `not valid JSON (${(error as Error).message})`);
    }
  }
  const module = (await import(pathToFileURL(path).href)) as { default?: unknown };
  return module.default;
}

/** Loads and checks the nearest config file; paths in it are resolved against its folder. */
export async function loadConfig(cwd = process.cwd()): Promise<ProjectConfig> {
  const path = findConfigFile(cwd);
  if (!path) return { path: undefined, templates: undefined, fields: {}, limits: {} };
  const parsed = configSchema.safeParse(await readConfig(path));
  if (!parsed.success) throw new ConfigError(path, describeIssues(parsed.error.issues));
  const templates = parsed.data.templates === undefined ? undefined : resolve(dirname(path), parsed.data.templates);
  return { path, templates, fields: parsed.data.fields ?? {}, limits: parsed.data.limits ?? {} };
}

/** Every problem of the config, each with the key it is at (`fields.handling.values`). */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const lines = issues.map((issue) => {
    const where = issue.path.length ? `\`${issue.path.join('.')}\`: ` : '';
    const known = issue.code === 'unrecognized_keys' && issue.path.length === 0 ? ` (known settings: ${settingNames.join(', ')})` : '';
    // A bad key's own problem (its name's pattern) is inside the issue zod reports for it.
    const message = issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
    return `${where}${message}${known}`;
  });
  return lines.join('; ');
}

/** The templates folder to use: the flag when given (relative to `cwd`), else the config's (`config` when already loaded). */
export async function templatesOption(flag: string | undefined, cwd = process.cwd(), loaded?: ProjectConfig): Promise<string | undefined> {
  // A folder that is not there would silently leave every template at its default.
  if (flag !== undefined) return existingFolder(resolve(cwd, flag), `--templates ${flag}`);
  const config = loaded ?? (await loadConfig(cwd));
  return config.templates === undefined ? undefined : existingFolder(config.templates, `"templates" in ${config.path ?? 'the config'}`);
}

function existingFolder(path: string, from: string): string {
  if (!existsSync(path)) throw new ConfigError(from, `no such templates folder: ${path}`);
  if (!statSync(path).isDirectory()) throw new ConfigError(from, `the templates folder is a file, not a folder: ${path}`);
  return path;
}
