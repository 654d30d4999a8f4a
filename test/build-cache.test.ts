/** The build cache: what is skipped, what is rebuilt, and why. */
import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildBriefs, type BuildOptions, type BuildResult } from '../src/index.js';
import { builtinTemplatesDir } from '../src/render/template-files.js';
import { settleMs } from '../src/cache/source-hash.js';
import { fullBrief, makeProject, minimalBrief, writeProjectFile } from './helpers/project.js';

const formats = ['md', 'html', 'json'] as const;
const build = (cwd: string, options: Partial<BuildOptions> = {}) => buildBriefs({ cwd, formats, concurrency: 1, ...options });
/** "brief id.format" for every file a build wrote, sorted. */
const written = (result: BuildResult) => result.written.map((file) => file.path.split('/').at(-1)!).sort();

describe('build cache', () => {
  it('skips unchanged briefs and rebuilds an edited one', async () => {
    const cwd = makeProject({ 'briefs/minimal.md': minimalBrief, 'briefs/full.md': fullBrief });
    const first = await build(cwd);
    expect(written(first)).toEqual(['full-brief.html', 'full-brief.json', 'full-brief.md', 'minimal-brief.html', 'minimal-brief.json', 'minimal-brief.md']);
    expect(first.unchanged).toEqual([]);

    const second = await build(cwd);
    expect(second.written).toEqual([]);
    expect(second.unchanged).toEqual(['briefs/full.md', 'briefs/minimal.md']);
    // Unchanged briefs are not even parsed.
    expect(second.briefs).toEqual([]);

    writeProjectFile(cwd, 'briefs/minimal.md', minimalBrief.replace('The talks will continue', 'The talks will surely continue'));
    const third = await build(cwd);
    expect(written(third)).toEqual(['minimal-brief.html', 'minimal-brief.json', 'minimal-brief.md']);
    expect(third.unchanged).toEqual(['briefs/full.md']);
  });

  it('rebuilds only the briefs (and the format) whose render used an edited partial', async () => {
    const cwd = makeProject({ 'briefs/minimal.md': minimalBrief, 'briefs/full.md': fullBrief });
    await build(cwd);
    // An override in the project's templates/ of the partial only briefs with files use.
    const partial = readFileSync(join(builtinTemplatesDir, 'partials', 'md', 'file.hbs'), 'utf8');
    writeProjectFile(cwd, 'templates/partials/md/file.hbs', partial.replace('#### State of play', '#### Where things stand'));
    const result = await build(cwd);
    expect(written(result)).toEqual(['full-brief.md']);
    expect(readFileSync(join(cwd, 'out', 'full-brief.md'), 'utf8')).toContain('#### Where things stand');
    expect(result.unchanged).toEqual(['briefs/minimal.md']);

    // A partial every brief uses rebuilds every brief's HTML, and nothing else.
    const sources = readFileSync(join(builtinTemplatesDir, 'partials', 'html', 'sources.hbs'), 'utf8');
    writeProjectFile(cwd, 'templates/partials/html/sources.hbs', sources.replace('<h2>Sources</h2>', '<h2>References</h2>'));
    expect(written(await build(cwd))).toEqual(['full-brief.html', 'minimal-brief.html']);
    expect(written(await build(cwd))).toEqual([]);
  });

  it('rebuilds on an option change, with --force, and when an output is missing or modified', async () => {
    const cwd = makeProject({ 'briefs/minimal.md': minimalBrief });
    await build(cwd);
    // --since changes what md and html show (not the JSON model).
    const older = makeProject({ 'briefs/minimal.md': minimalBrief.replace('likelihood=likely', 'likelihood=unlikely') });
    await build(older, { formats: ['json'] });
    const previous = join(older, 'out');
    expect(written(await build(cwd, { since: previous }))).toEqual(['minimal-brief.html', 'minimal-brief.md']);
    expect(written(await build(cwd, { since: previous }))).toEqual([]);
    // Asking for a format not built before builds just that one.
    expect(written(await build(cwd, { formats: ['md'] }))).toEqual(['minimal-brief.md']);
    expect(written(await build(cwd, { force: true }))).toEqual(['minimal-brief.html', 'minimal-brief.json', 'minimal-brief.md']);

    rmSync(join(cwd, 'out', 'minimal-brief.html'));
    expect(written(await build(cwd))).toEqual(['minimal-brief.html']);
    const md = join(cwd, 'out', 'minimal-brief.md');
    writeFileSync(md, readFileSync(md, 'utf8').replace('minimal', 'MINIMAL'));
    expect(written(await build(cwd))).toEqual(['minimal-brief.md']);
    // Touched but identical (as after a cache restore): kept.
    utimesSync(md, new Date(2000, 0, 1), new Date(2000, 0, 1));
    expect(written(await build(cwd))).toEqual([]);
  });

  it('keeps the cache in --cache-dir when given', async () => {
    const cwd = makeProject({ 'briefs/minimal.md': minimalBrief });
    await build(cwd, { cacheDir: 'build-cache' });
    expect(JSON.parse(readFileSync(join(cwd, 'build-cache', 'build-cache.json'), 'utf8')).entries).toHaveProperty(['briefs/minimal.md']);
    expect((await build(cwd, { cacheDir: 'build-cache' })).unchanged).toEqual(['briefs/minimal.md']);
  });

  it('still refuses a new brief that takes the id of an unchanged one', async () => {
    const cwd = makeProject({ 'briefs/a.md': minimalBrief });
    await build(cwd);
    writeProjectFile(cwd, 'briefs/b.md', minimalBrief.replace('A minimal brief', 'An impostor'));
    const result = await build(cwd);
    expect(result.written).toEqual([]);
    expect(result.files.flatMap((file) => file.messages.map((message) => message.ruleId))).toEqual(['duplicate-id']);
    expect(readFileSync(join(cwd, 'out', 'minimal-brief.md'), 'utf8')).toContain('A minimal brief');
  });

  it('trusts a stamped source only while its stat is unchanged, and writes the cache only on change', async () => {
    const cwd = makeProject({ 'briefs/minimal.md': minimalBrief, 'briefs/full.md': fullBrief });
    const cachePath = join(cwd, 'out', '.cache', 'build-cache.json');
    const stampOf = (source: string) => JSON.parse(readFileSync(cachePath, 'utf8')).entries[source].sourceStamp;
    // Just written (dated a little ahead, so that a slow build on a busy machine still sees it as recent).
    for (const name of ['minimal.md', 'full.md']) utimesSync(join(cwd, 'briefs', name), new Date(Date.now() + 30_000), new Date(Date.now() + 30_000));
    await build(cwd);
    // Too recent to stamp.
    expect(stampOf('briefs/minimal.md')).toBeNull();
    // Seen from later on, the sources have settled: a no-op build stamps them, the next writes nothing.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + settleMs + 60_000);
      expect((await build(cwd)).written).toEqual([]);
      expect(stampOf('briefs/minimal.md')).toHaveLength(1);
      const cacheWritten = statSync(cachePath).mtimeMs;
      expect((await build(cwd)).unchanged).toEqual(['briefs/full.md', 'briefs/minimal.md']);
      expect(statSync(cachePath).mtimeMs).toBe(cacheWritten);

      // The same size with the old modification time is still a change.
      const path = join(cwd, 'briefs', 'minimal.md');
      const { atime, mtime } = statSync(path);
      writeProjectFile(cwd, 'briefs/minimal.md', minimalBrief.replace('The talks will continue', 'The talks will CONTINUE'));
      utimesSync(path, atime, mtime);
      expect(written(await build(cwd))).toEqual(['minimal-brief.html', 'minimal-brief.json', 'minimal-brief.md']);
      expect(readFileSync(join(cwd, 'out', 'minimal-brief.md'), 'utf8')).toContain('CONTINUE');
    } finally {
      vi.useRealTimers();
    }
  });

  it('stores each set of template inputs once, and rebuilds an output whose set is missing', async () => {
    const cwd = makeProject({ 'briefs/minimal.md': minimalBrief, 'briefs/full.md': fullBrief });
    await build(cwd);
    const cachePath = join(cwd, 'out', '.cache', 'build-cache.json');
    const cache = JSON.parse(readFileSync(cachePath, 'utf8'));
    // Six outputs; the two briefs use different partials for md and html, the same for json.
    expect(Object.keys(cache.inputs)).toHaveLength(5);
    const json = cache.entries['briefs/minimal.md'].outputs.json.inputs;
    expect(cache.entries['briefs/full.md'].outputs.json.inputs).toBe(json);
    expect(cache.inputs[cache.entries['briefs/full.md'].outputs.md.inputs]).toHaveProperty(['partials/md/file.hbs']);

    cache.entries['briefs/minimal.md'].outputs.md.inputs = 'no-such-set';
    writeFileSync(cachePath, JSON.stringify(cache));
    expect(written(await build(cwd))).toEqual(['minimal-brief.md']);
  });
});
