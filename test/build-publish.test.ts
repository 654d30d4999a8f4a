/** What a build publishes besides the briefs: manifest, index page, and removal of stale outputs. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexScript } from '../src/publish/index-script.js';
import { describe, expect, it } from 'vitest';
import { buildBriefs, version } from '../src/index.js';
import { fullBrief, makeProject, minimalBrief, withId, writeProjectFile } from './helpers/project.js';

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const env = { SOURCE_DATE_EPOCH: '1761955200' };
const build = (cwd: string) => buildBriefs({ cwd, formats: ['md', 'html', 'json'], concurrency: 1, env });

describe('manifest.json and index.html', () => {
  it('lists every brief in id order with its outputs, hashes and build time', async () => {
    const cwd = makeProject({ 'briefs/z.md': minimalBrief, 'briefs/a.md': fullBrief });
    await build(cwd);
    const text = readFileSync(join(cwd, 'out', 'manifest.json'), 'utf8');
    const manifest = JSON.parse(text);
    expect(manifest.generator).toBe('briefsmith');
    expect(manifest.version).toBe(version);
    expect(manifest.briefs.map((brief: { id: string }) => brief.id)).toEqual(['full-brief', 'minimal-brief']);
    const [, minimal] = manifest.briefs;
    expect(minimal).toMatchObject({
      id: 'minimal-brief',
      title: 'A minimal brief',
      date: '2025-10-28',
      classification: 'UNCLASSIFIED',
      source: 'briefs/z.md',
      sourceHash: sha(minimalBrief),
      builtAt: '2025-11-01T00:00:00.000Z',
    });
    expect(minimal.outputs.map((output: { format: string }) => output.format)).toEqual(['md', 'html', 'json']);
    for (const output of minimal.outputs) {
      const data = readFileSync(join(cwd, 'out', output.path));
      expect(output).toEqual({ format: output.format, path: `minimal-brief.${output.format}`, bytes: data.length, sha256: sha(data) });
    }
    // A no-op build rewrites nothing: the manifest stays byte for byte.
    await buildBriefs({ cwd, formats: ['md', 'html', 'json'] });
    expect(readFileSync(join(cwd, 'out', 'manifest.json'), 'utf8')).toBe(text);
  });

  it('writes an escaped, self-contained index page', async () => {
    const hostile = withId(minimalBrief, 'hostile').replace('title: A minimal brief', 'title: "<script>alert(1)</script> & <b>more</b>"');
    const cwd = makeProject({ 'briefs/hostile.md': hostile, 'briefs/full.md': fullBrief });
    await build(cwd);
    const html = readFileSync(join(cwd, 'out', 'index.html'), 'utf8');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#60;b&#62;more&#60;/b&#62;');
    // One script, the page's own, allowed by its hash; nothing from the briefs ever runs.
    const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((match) => match[1])).toEqual([indexScript]);
    expect(html.replace(scripts[0]![0], '')).not.toMatch(/<script|<b>|src=|https?:/);
    expect(html).toContain(
      `content="default-src 'none'; script-src 'sha256-${createHash('sha256').update(indexScript).digest('base64')}' 'strict-dynamic'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"`,
    );
    expect(html).toContain('<a href="hostile.html">');
    expect(html).toContain('<a href="hostile.md">Markdown</a>');
    expect(html).toContain('<time datetime="2025-10-28">28 October 2025</time>');
  });
});

describe('stale outputs', () => {
  it('removes the outputs of a deleted brief, and nothing it did not write', async () => {
    const cwd = makeProject({ 'briefs/a.md': minimalBrief, 'briefs/b.md': fullBrief });
    await build(cwd);
    writeFileSync(join(cwd, 'out', 'notes.txt'), 'mine');
    writeFileSync(join(cwd, 'out', 'other.html'), 'not from briefsmith');
    rmSync(join(cwd, 'briefs', 'b.md'));
    const result = await build(cwd);
    expect(result.removed.map((path) => path.split('/').at(-1)).sort()).toEqual(['full-brief.html', 'full-brief.json', 'full-brief.md']);
    for (const format of ['md', 'html', 'json']) expect(existsSync(join(cwd, 'out', `full-brief.${format}`))).toBe(false);
    expect(existsSync(join(cwd, 'out', 'notes.txt'))).toBe(true);
    expect(existsSync(join(cwd, 'out', 'other.html'))).toBe(true);
    expect(existsSync(join(cwd, 'out', 'minimal-brief.html'))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(cwd, 'out', 'manifest.json'), 'utf8'));
    expect(manifest.briefs.map((brief: { id: string }) => brief.id)).toEqual(['minimal-brief']);
    expect(readFileSync(join(cwd, 'out', 'index.html'), 'utf8')).not.toContain('full-brief');
  });

  it('removes the old outputs when a brief changes its id, and keeps a brief that only has errors now', async () => {
    const cwd = makeProject({ 'briefs/a.md': minimalBrief, 'briefs/b.md': fullBrief });
    await build(cwd);
    writeProjectFile(cwd, 'briefs/a.md', withId(minimalBrief, 'renamed-brief'));
    writeProjectFile(cwd, 'briefs/b.md', fullBrief.replace('likelihood="very likely"', 'likelihood=maybe'));
    const result = await build(cwd);
    expect(result.briefs.find((loaded) => loaded.file.path === 'briefs/b.md')?.brief).toBeNull();
    expect(result.removed.map((path) => path.split('/').at(-1)).sort()).toEqual(['minimal-brief.html', 'minimal-brief.json', 'minimal-brief.md']);
    expect(existsSync(join(cwd, 'out', 'renamed-brief.md'))).toBe(true);
    expect(existsSync(join(cwd, 'out', 'full-brief.md'))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(cwd, 'out', 'manifest.json'), 'utf8'));
    expect(manifest.briefs.map((brief: { id: string }) => brief.id)).toEqual(['full-brief', 'renamed-brief']);
  });

  it('ignores a manifest that names files outside out/', async () => {
    const cwd = makeProject({ 'briefs/a.md': minimalBrief, 'keep.txt': 'precious' });
    await build(cwd);
    const path = join(cwd, 'out', 'manifest.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8'));
    manifest.briefs.push({
      ...manifest.briefs[0],
      id: 'gone',
      source: 'briefs/gone.md',
      outputs: [{ format: 'md', path: '../keep.txt', bytes: 1, sha256: '' }],
    });
    writeFileSync(path, JSON.stringify(manifest));
    await build(cwd);
    expect(readFileSync(join(cwd, 'keep.txt'), 'utf8')).toBe('precious');
  });
});
