/** The build options of `build`, `watch` and `serve`, read from their shared flags. */
import type { BuildOptions } from '../engine/build.js';
import { projectSettings } from './project-config.js';
import { parseCount, parseFormats, parsePaper, parseString } from './flags.js';
import { limitOptions } from './limits.js';

export async function buildOptions(paths: string[], flags: Record<string, unknown>): Promise<Omit<BuildOptions, 'onEvent'>> {
  const project = await projectSettings(parseString('templates', flags.templates));
  return {
    paths,
    outDir: parseString('out', flags.out) ?? 'out',
    formats: parseFormats(flags.format),
    templates: project.templates,
    fields: project.config.fields,
    chrome: parseString('chrome', flags.chrome),
    sourcesDir: parseString('sources-dir', flags.sourcesDir),
    concurrency: parseCount('concurrency', flags.concurrency),
    threads: parseCount('threads', flags.threads, 0),
    ...limitOptions(flags, project.config),
    paper: parsePaper(flags.paper),
    cacheDir: parseString('cache-dir', flags.cacheDir),
    force: flags.force === true,
    since: parseString('since', flags.since),
    lockTimeoutMs: flags.lockTimeout === undefined ? undefined : parseCount('lock-timeout', flags.lockTimeout)! * 1000,
  };
}
