/**
 * The model cache (the first level of the build cache): a template or option change re-runs the
 * templates without parsing any brief again, gives the same bytes as a fresh build, and a
 * corrupt or foreign entry is never trusted.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBriefs, type BuildOptions, type BuildResult } from '../src/index.js';
import { builtinTemplatesDir } from '../src/render/template-files.js';
import { readModel } from '../src/cache/model-cache.js';
import { sealedLines } from '../src/cache/sealed-file.js';
import { fullBrief, makeProject, minimalBrief, writeProjectFile } from './helpers/project.js';

const formats = ['md', 'html', 'json'] as const;
const build = (cwd: string, options: Partial<BuildOptions> = {}) => buildBriefs({ cwd, formats, concurrency: 1, ...options });
const written = (result: BuildResult) => result.written.map((file) => file.path.split('/').at(-1)!).sort();
const modelsDir = (cwd: string) => join(cwd, 'out', '.cache', 'models');
const entries = (cwd: string) =>
  readdirSync(modelsDir(cwd))
    .filter((name) => name.endsWith('.json'))
    .sort();
// manifest.json and index.html record when each brief was built.
const outputs = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .filter((name) => /\.(md|html|json)$/.test(name) && name !== 'manifest.json' && name !== 'index.html')
      .map((name) => [name, readFileSync(join(dir, name), 'utf8')]),
  );

/** A sealed entry's header (its seal and shape), its first line's JSON, its other lines (fields by format) and its body (see sealed-file.ts). */
function entryFile(path: string): { header: { seal: string; shape: string }; entry: Record<string, unknown>; rest: unknown[]; body: string } {
  const text = readFileSync(path, 'utf8');
  const end = text.indexOf('\n');
  const body = text.slice(end + 1);
  const [first, ...rest] = body.split('\n');
  return { header: JSON.parse(text.slice(0, end)), entry: JSON.parse(first!), rest: rest.map((line) => JSON.parse(line)), body };
}

/** An entry of `lines` without a seal (the format before seals). */
const unsealed = (lines: readonly unknown[]) => lines.map((line) => JSON.stringify(line)).join('\n');

function editPartial(cwd: string): void {
  const sources = readFileSync(join(builtinTemplatesDir, 'partials', 'html', 'sources.hbs'), 'utf8');
  writeProjectFile(cwd, 'templates/partials/html/sources.hbs', sources.replace('<h2>Sources</h2>', '<h2>References</h2>'));
}

describe('model cache', () => {
  it('re-runs only the templates after a template edit: no brief is parsed again, and the bytes match a fresh build', async () => {
    const cwd = makeProject({ 'briefs/minimal.md': minimalBrief, 'briefs/full.md': fullBrief });
    expect((await build(cwd)).parsed).toEqual(['briefs/full.md', 'briefs/minimal.md']);
    expect(entries(cwd)).toHaveLength(2);

    editPartial(cwd);
    const edited = await build(cwd);
    expect(written(edited)).toEqual(['full-brief.html', 'minimal-brief.html']);
    expect(edited.parsed).toEqual([]);
    expect(edited.briefs.map((loaded) => loaded.brief?.meta.id).sort()).toEqual(['full-brief', 'minimal-brief']);

    const fresh = await build(cwd, { outDir: 'fresh', force: true });
    expect(fresh.parsed).toEqual(['briefs/full.md', 'briefs/minimal.md']);
    expect(outputs(join(cwd, 'out'))).toEqual(outputs(join(cwd, 'fresh')));

    // A brief edit parses that brief, and only that one.
    writeProjectFile(cwd, 'briefs/minimal.md', minimalBrief.replace('The talks will continue', 'The talks will surely continue'));
    editPartial(cwd);
    rmSync(join(cwd, 'out', 'full-brief.md'));
    const again = await build(cwd);
    expect(again.parsed).toEqual(['briefs/minimal.md']);
    expect(written(again)).toEqual(['full-brief.md', 'minimal-brief.html', 'minimal-brief.json', 'minimal-brief.md']);
  });

  it("keeps a cached brief's warnings, with their places", async () => {
    const warned = minimalBrief.replace('The talks will continue', 'The talks will continue.\n\nAn uncited paragraph with no source at all');
    const cwd = makeProject({ 'briefs/minimal.md': warned });
    const first = await build(cwd);
    const messages = (result: BuildResult) =>
      result.files.flatMap((file) =>
        file.messages.map(
          (message) =>
            `${message.file}:${message.place ? JSON.stringify(message.place, ['start', 'end', 'line', 'column', 'offset']) : ''} ${message.ruleId} ${message.reason}`,
        ),
      );
    expect(messages(first).length).toBeGreaterThan(0);
    rmSync(join(cwd, 'out', 'minimal-brief.md'));
    const cached = await build(cwd);
    expect(cached.parsed).toEqual([]);
    expect(messages(cached)).toEqual(messages(first));
  });

  it('ignores a corrupt, truncated, edited, foreign, older or ill-formed entry and replaces it', async () => {
    const cwd = makeProject({ 'briefs/minimal.md': minimalBrief, 'briefs/full.md': fullBrief });
    await build(cwd);
    const expected = outputs(join(cwd, 'out'));
    const [one, other] = entries(cwd) as [string, string];
    const path = join(modelsDir(cwd), one);
    const good = readFileSync(path, 'utf8');
    const { header, entry, rest, body } = entryFile(path);
    const brief = entry.brief as { meta: object };
    expect(entry.groups).toEqual(['html', 'md']);
    const variants: Record<string, string> = {
      garbage: 'not json at all',
      truncated: good.slice(0, good.length / 2),
      // Still a model the schema accepts, but not the bytes that were sealed.
      edited: `${JSON.stringify(header)}\n${body.replace('"title":"', '"title":"Edited ')}`,
      'edited seal': `${JSON.stringify({ ...header, seal: '0'.repeat(64) })}\n${body}`,
      foreign: readFileSync(join(modelsDir(cwd), other), 'utf8'),
      older: unsealed([{ ...entry, version: 1 }, ...rest]),
      'ill-formed model': unsealed([{ ...entry, brief: { ...brief, meta: 5 } }, ...rest]),
      'ill-formed fields': unsealed([entry, { a: 1 }, rest[1]]),
      'a line of fields missing': unsealed([entry, rest[0]]),
      // Sealed by a build whose model has another shape: checked against this one's schema.
      'ill-formed, sealed for another shape': sealedLines('another shape', [{ ...entry, brief: { ...brief, meta: 5 } }, ...rest]),
      'a line of fields missing, sealed': sealedLines(header.shape, [entry, rest[0]]),
    };
    expect(body).toContain('"title":"');
    for (const [what, text] of Object.entries(variants)) {
      writeFileSync(path, text);
      expect(readModel(join(cwd, 'out', '.cache'), one.replace(/\.json$/, '')), what).toBeNull();
      for (const name of readdirSync(join(cwd, 'out')).filter((file) => /\.(md|html|json)$/.test(file) && file !== 'manifest.json' && file !== 'index.html'))
        rmSync(join(cwd, 'out', name));
      const result = await build(cwd);
      expect(result.parsed, what).toHaveLength(1);
      expect(outputs(join(cwd, 'out')), what).toEqual(expected);
      expect(readModel(join(cwd, 'out', '.cache'), one.replace(/\.json$/, '')), what).not.toBeNull();
    }
  });

  it('uses a sealed entry as written, without a schema check', async () => {
    const cwd = makeProject({ 'briefs/minimal.md': minimalBrief });
    await build(cwd);
    const [one] = entries(cwd) as [string];
    const path = join(modelsDir(cwd), one);
    const { header, entry, rest } = entryFile(path);
    const brief = entry.brief as { meta: object };
    // A key the schema does not know: a schema check would drop it, the seal keeps it.
    writeFileSync(path, sealedLines(header.shape, [{ ...entry, brief: { ...brief, meta: { ...brief.meta, unchecked: 'kept' } } }, ...rest]));
    const read = readModel(join(cwd, 'out', '.cache'), one.replace(/\.json$/, ''));
    expect(read?.sealed).toBe(true);
    expect(read?.brief.meta).toHaveProperty('unchecked', 'kept');
  });

  it('checks an entry not sealed for this schema (older format, another version), uses it when it fits, and seals it', async () => {
    const cwd = makeProject({ 'briefs/minimal.md': minimalBrief });
    await build(cwd);
    const expected = outputs(join(cwd, 'out'));
    const [one] = entries(cwd) as [string];
    const path = join(modelsDir(cwd), one);
    const { header, entry, rest } = entryFile(path);
    const brief = entry.brief as { meta: object };
    const variants = {
      unsealed: unsealed([entry, ...rest]),
      'sealed for another shape': sealedLines('another shape', [{ ...entry, brief: { ...brief, meta: { ...brief.meta, unchecked: 'dropped' } } }, ...rest]),
    };
    for (const [what, text] of Object.entries(variants)) {
      writeFileSync(path, text);
      const read = readModel(join(cwd, 'out', '.cache'), one.replace(/\.json$/, ''));
      expect(read?.sealed, what).toBe(false);
      expect(read?.brief.meta, what).not.toHaveProperty('unchecked');
      editPartial(cwd);
      writeProjectFile(cwd, 'templates/partials/html/sources.hbs', `${what}\n`);
      const result = await build(cwd);
      expect(result.parsed, what).toEqual([]);
      expect(entryFile(path).header, what).toEqual(header);
    }
    rmSync(join(cwd, 'templates'), { recursive: true });
    await build(cwd);
    expect(outputs(join(cwd, 'out'))).toEqual(expected);
  });

  it('keeps one entry per brief: entries of edited, deleted and other-version briefs and dead temp files go', async () => {
    const cwd = makeProject({ 'briefs/minimal.md': minimalBrief, 'briefs/full.md': fullBrief });
    await build(cwd);
    const [first, second] = entries(cwd);
    // What an older tool version, or a build killed while writing, leaves behind.
    const stale = `${'0'.repeat(64)}.json`;
    const deadTemp = `${first}.999999999.0123abcd.tmp`;
    const liveTemp = `${first}.${process.pid}.0123abcd.tmp`;
    for (const name of [stale, deadTemp, liveTemp]) writeFileSync(join(modelsDir(cwd), name), '{}');

    writeProjectFile(cwd, 'briefs/minimal.md', minimalBrief.replace('The talks will continue', 'The talks will surely continue'));
    expect((await build(cwd)).parsed).toEqual(['briefs/minimal.md']);
    const afterEdit = entries(cwd);
    expect(afterEdit).toHaveLength(2);
    expect(afterEdit.filter((name) => name === first || name === second)).toHaveLength(1);
    const names = readdirSync(modelsDir(cwd));
    expect(names).not.toContain(stale);
    expect(names).not.toContain(deadTemp);
    // A live writer's temp file is another build's, still being written.
    expect(names).toContain(liveTemp);

    rmSync(join(cwd, 'briefs', 'full.md'));
    await build(cwd);
    expect(entries(cwd)).toHaveLength(1);
    // Building one file keeps the entries of the project's other briefs.
    writeProjectFile(cwd, 'briefs/full.md', fullBrief);
    await build(cwd);
    expect(entries(cwd)).toHaveLength(2);
    expect((await build(cwd, { paths: ['briefs/minimal.md'], force: true })).parsed).toEqual(['briefs/minimal.md']);
    expect(entries(cwd)).toHaveLength(2);
  });
});
