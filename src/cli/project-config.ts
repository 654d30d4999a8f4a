/** The project's config as every command uses it: loaded once, its declared fields checked before any brief is read. */
import { loadConfig, templatesOption, type ProjectConfig } from '../config/config.js';
import { checkDeclaredNames } from '../model/declared-fields.js';

export interface ProjectSettings {
  config: ProjectConfig;
  /** The templates folder: `--templates` when given, else the config's. */
  templates: string | undefined;
}

/** The nearest config; a bad one (a declared field named like a built-in one too) is a usage error, exit 2. */
export async function projectConfig(cwd = process.cwd()): Promise<ProjectConfig> {
  const config = await loadConfig(cwd);
  if (config.path) checkDeclaredNames(config.fields, config.path);
  return config;
}

/** The config and the templates folder to use (which must exist). */
export async function projectSettings(templatesFlag: string | undefined, cwd = process.cwd()): Promise<ProjectSettings> {
  const config = await projectConfig(cwd);
  return { config, templates: await templatesOption(templatesFlag, cwd, config) };
}
