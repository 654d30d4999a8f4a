/**
 * What a watch listens to and how it reads a change: the brief folders, every template folder
 * (even one that does not exist yet, so a first override counts) and the config file. The
 * built-in defaults are not watched: they change only with briefsmith itself.
 */
import { basename, resolve, sep } from 'node:path';
import { findConfigFile } from '../config/config.js';
import { builtinTemplatesDir, projectTemplatesDir, templateDirs } from '../render/template-files.js';

export interface WatchedPaths {
  /** Everything handed to the watcher. */
  watched: string[];
  /** A change to this path re-lints the templates and may re-render every brief. */
  isTemplate: (path: string) => boolean;
  isBrief: (path: string) => boolean;
  /** The config file found when the watch started: its declared fields are read again when it is saved. */
  configFile: string | undefined;
  /** Paths the watcher skips: the out dir, dot files, node_modules. */
  ignored: (path: string) => boolean;
}

export function watchedPaths(options: { templates?: string | undefined }, cwd: string, paths: readonly string[], outDir: string): WatchedPaths {
  const watchedTemplateDirs = () => templateDirs({ templates: options.templates, cwd }).filter((dir) => dir !== builtinTemplatesDir);
  const configFile = findConfigFile(cwd);
  const templateFolders = [...new Set([...(options.templates ? [resolve(cwd, options.templates)] : []), projectTemplatesDir(cwd), ...watchedTemplateDirs()])];
  return {
    watched: [...new Set([...paths, ...templateFolders, ...(configFile ? [configFile] : [])])],
    isTemplate: (path) =>
      path === configFile || templateFolders.includes(path) || (/\.(hbs|css)$/.test(path) && watchedTemplateDirs().some((dir) => path.startsWith(dir + sep))),
    isBrief: (path) => path.endsWith('.md') && basename(path).toLowerCase() !== 'readme.md',
    configFile,
    ignored: (path) => path.startsWith(outDir + sep) || path === outDir || /^(\.|node_modules$)/.test(basename(path)),
  };
}
