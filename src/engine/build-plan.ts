/**
 * What a build will do before it does any of it: the incremental state opened from the cache, the
 * briefs to load and the formats each will most likely render, and the job each brief becomes.
 */
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { Format } from '../render/formats.js';
import { buildFingerprint } from '../publish/fingerprint.js';
import type { PreviousPublication } from '../publish/since.js';
import type { BriefJob } from './brief-job.js';
import type { BuildOptions } from './build-options.js';
import { IncrementalBuild } from './incremental.js';

/** Where a build runs and what it makes, worked out before it takes the lock. */
export interface BuildPlace {
  cwd: string;
  outDir: string;
  formats: readonly Format[];
  since: PreviousPublication | undefined;
  started: number;
}

export interface BuildPlan {
  /** Absolute paths of the briefs to load, sorted. */
  paths: string[];
  /** Unchanged briefs loaded only so that their quotes are checked (`--sources-dir`): never rendered. */
  checkOnly: ReadonlySet<string>;
  /** Absolute path → the formats it will most likely render (its final say comes once it is loaded). */
  formats: ReadonlyMap<string, Format[]>;
  /** The job that loads and renders the brief at a path. */
  jobOf: (path: string) => BriefJob;
}

/** Reads the cache and the previous manifest, and sorts the briefs into unchanged and to load. */
export function openIncremental(options: BuildOptions, place: BuildPlace): Promise<IncrementalBuild> {
  const { cwd, outDir, formats, since } = place;
  const fingerprint = () =>
    buildFingerprint({ cwd, templates: options.templates, formats, paper: options.paper, site: options.site, since: options.since, fields: options.fields });
  return IncrementalBuild.open(options.paths ?? [], {
    cwd,
    outDir,
    formats,
    since,
    cacheDir: options.cacheDir,
    templates: options.templates,
    force: options.force,
    paper: options.paper,
    now: buildTime(options.env),
    limits: options.limits,
    site: options.site,
    baseUrl: options.baseUrl,
    fields: options.fields,
    shard: options.shard && { ...options.shard, fingerprint: fingerprint() },
  });
}

/** How a build plans besides its options: not a preview's way (see planBuild). */
export interface PlanWay {
  /** A build that will publish new models starts reading the search parts while its briefs render. */
  readAhead: boolean;
  /** The out dir, where jobs stage their outputs (BriefJob.stageIn). */
  stageIn: string | undefined;
}

/**
 * The briefs to load, what each will render, and its job. A preview neither reads ahead (its
 * outputs come first, and the reading would only compete with them for the CPU) nor stages its
 * outputs (its HTML goes out before the rest is rendered).
 */
export async function planBuild(options: BuildOptions, cwd: string, incremental: IncrementalBuild, way: PlanWay): Promise<BuildPlan> {
  const { readAhead, stageIn } = way;
  // With --sources-dir, unchanged briefs are loaded too (their quotes are checked) but not rendered.
  const checkOnly = new Set(options.sourcesDir ? incremental.unchanged.map((entry) => resolve(cwd, entry.source)) : []);
  const paths = [...incremental.toLoad, ...checkOnly].sort();
  const formats = new Map<string, Format[]>();
  for (const path of paths) formats.set(path, checkOnly.has(path) ? [] : await incremental.plannedFormats(path));
  // A new model changes the search data: its other parts are read while the briefs render.
  if (readAhead && [...formats.values()].some((planned) => planned.includes('json'))) incremental.readSearchAhead();
  const build = randomUUID();
  const jobOf = (path: string): BriefJob => ({
    build,
    path,
    cwd,
    sourcesDir: options.sourcesDir,
    limits: options.limits,
    templates: options.templates,
    paper: options.paper,
    since: options.since,
    site: options.site,
    sourceDateEpoch: (options.env ?? process.env).SOURCE_DATE_EPOCH,
    formats: formats.get(path) ?? [],
    modelCache: incremental.modelCache(path),
    fields: options.fields,
    lean: options.keepModels === false,
    stageIn,
  });
  return { paths, checkOnly, formats, jobOf };
}

/** SOURCE_DATE_EPOCH when set (reproducible builds), else now. */
function buildTime(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return new Date(env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? epoch * 1000 : Date.now()).toISOString();
}
