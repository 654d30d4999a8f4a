/**
 * Containment: nothing outside the out dir is ever written or deleted, whatever out/manifest.json
 * or the build cache say (CI restores both from caches and artefacts); damaged records never
 * crash a build; the out dir may not overlap a briefs or sources folder; --sources-dir files
 * are read only inside the folder, through symlinks.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBriefs, loadBriefs, problemsOf } from '../../src/index.js';
import { ContainmentError, ownedPath, writeOwned } from '../../src/io/contained.js';
import { parseManifest } from '../../src/publish/manifest.js';
import { runCli } from '../helpers/cli.js';
import { makeProject, minimalBrief, writeProjectFile } from '../helpers/project.js';

const secret = 'root:x:0:0:root:/root:/bin/bash';

/** A project inside a folder that also holds a sentinel file and a secret, both outside the project. */
function sandbox(files: Record<string, string> = {}) {
  const outer = makeProject({ 'sentinel.txt': 'keep me\n', 'home/.ssh/id_rsa': 'private key\n', 'secret.txt': `${secret}\n` });
  const cwd = join(outer, 'project');
  mkdirSync(cwd);
  for (const [path, text] of Object.entries({ 'briefs/a.md': minimalBrief, ...files })) writeProjectFile(cwd, path, text);
  return { outer, cwd };
}

/** Every file under `folder` but `skip` (relative path → content). */
function snapshot(folder: string, skip: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (path === skip) continue;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files[relative(folder, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(folder);
  return files;
}

const hostileEntry = (id: string, format: string, path: string) => ({
  id,
  title: 't',
  date: '2025-01-01',
  classification: 'U',
  source: 'briefs/gone.md',
  sourceHash: 'x',
  builtAt: '2025-01-01T00:00:00.000Z',
  outputs: [{ format, path, bytes: 1, sha256: 'x' }],
});

describe('a crafted out/manifest.json', () => {
  it('cannot make the stale clean-up delete a file outside out/, and is reported once', async () => {
    const { outer, cwd } = sandbox();
    const manifest = {
      generator: 'briefsmith',
      version: '0',
      briefs: [
        hostileEntry('../../home/', 'ssh/id_rsa', '../../home/.ssh/id_rsa'),
        hostileEntry('../..', 'sentinel.txt', '../../sentinel.txt'),
        hostileEntry('/tmp', 'x', '/tmp.x'),
      ],
    };
    writeProjectFile(cwd, 'out/manifest.json', JSON.stringify(manifest));
    const result = await buildBriefs({ cwd, formats: ['md'], threads: 0 });
    expect(result.removed).toEqual([]);
    expect(readFileSync(join(outer, 'home/.ssh/id_rsa'), 'utf8')).toBe('private key\n');
    expect(readFileSync(join(outer, 'sentinel.txt'), 'utf8')).toBe('keep me\n');
    const problems = problemsOf(result.files).filter((problem) => problem.ruleId === 'build-record-ignored');
    expect(problems.map((problem) => [problem.file, problem.severity, problem.message])).toEqual([
      [
        join('out', 'manifest.json'),
        'warning',
        'Unexpected manifest content: 3 invalid entries ignored (an id that is not a brief id, an output that is not `<id>.<format>`, or a missing field), expected the file as briefsmith wrote it',
      ],
    ]);
    // The rewritten manifest no longer carries them.
    expect(JSON.parse(readFileSync(join(cwd, 'out/manifest.json'), 'utf8')).briefs.map((brief: { id: string }) => brief.id)).toEqual(['minimal-brief']);
  });

  it("keeps a deleted brief's own outputs cleaned up (valid entries still count)", async () => {
    const { cwd } = sandbox({ 'briefs/b.md': minimalBrief.replace('id: minimal-brief', 'id: other-brief') });
    await buildBriefs({ cwd, formats: ['md'], threads: 0 });
    expect(existsSync(join(cwd, 'out/other-brief.md'))).toBe(true);
    writeFileSync(join(cwd, 'briefs/b.md'), '');
    const { rmSync } = await import('node:fs');
    rmSync(join(cwd, 'briefs/b.md'));
    const result = await buildBriefs({ cwd, formats: ['md'], threads: 0 });
    expect(result.removed).toEqual([join(cwd, 'out/other-brief.md')]);
  });

  it.each([
    ['not JSON', '{"generator": "briefsmith", "briefs": [', 'it is not valid JSON; ignored'],
    [
      'entries of the wrong type',
      JSON.stringify({ generator: 'briefsmith', briefs: [null, 5, 'x', [], { id: 'a' }, { id: 'a', outputs: [null] }] }),
      '6 invalid entries ignored',
    ],
    ['briefs not a list', JSON.stringify({ generator: 'briefsmith', briefs: { length: 3 } }), 'it is not a briefsmith manifest; ignored'],
  ])('never crashes a build on a manifest with %s', async (_name, text, reason) => {
    const { cwd } = sandbox();
    writeProjectFile(cwd, 'out/manifest.json', text);
    const result = await buildBriefs({ cwd, formats: ['md'], threads: 0 });
    expect(result.written).toHaveLength(1);
    expect(problemsOf(result.files).find((problem) => problem.ruleId === 'build-record-ignored')?.message).toContain(reason);
  });

  it('accepts only `<id>.<format>` outputs of a brief id', () => {
    const valid = hostileEntry('a-brief', 'md', 'a-brief.md');
    expect(parseManifest(JSON.stringify({ generator: 'briefsmith', version: '1', briefs: [valid] }))).toEqual({
      manifest: { generator: 'briefsmith', version: '1', briefs: [{ ...valid, summary: '', keywords: [], authors: [], changes: null }] },
      problem: null,
    });
    for (const entry of [
      hostileEntry('a-brief', 'md', 'other.md'),
      hostileEntry('a-brief', 'exe', 'a-brief.exe'),
      hostileEntry('A', 'md', 'A.md'),
      hostileEntry('x'.repeat(101), 'md', `${'x'.repeat(101)}.md`),
    ]) {
      expect(parseManifest(JSON.stringify({ generator: 'briefsmith', briefs: [entry] })).manifest?.briefs).toEqual([]);
    }
  });
});

describe('a crafted build cache', () => {
  it('never crashes a build, and its invalid entries are ignored with one warning', async () => {
    const { cwd } = sandbox();
    await buildBriefs({ cwd, formats: ['md'], threads: 0 });
    const path = join(cwd, 'out/.cache/build-cache.json');
    const cache = JSON.parse(readFileSync(path, 'utf8'));
    const good = cache.entries['briefs/a.md'];
    cache.entries['briefs/a.md'] = { ...good, outputs: { md: { ...good.outputs.md, path: '../../sentinel.txt' } } };
    cache.entries['briefs/x.md'] = null;
    cache.entries['briefs/y.md'] = { ...good, source: 'briefs/y.md', id: '../..' };
    cache.entries['briefs/z.md'] = { ...good, source: 'briefs/z.md', outputs: 7 };
    cache.inputs = { ...cache.inputs, [good.outputs.md.inputs]: null };
    writeFileSync(path, JSON.stringify(cache));
    const result = await buildBriefs({ cwd, formats: ['md'], threads: 0 });
    expect(result.written.map((file) => relative(cwd, file.path))).toEqual([join('out', 'minimal-brief.md')]);
    expect(
      problemsOf(result.files)
        .filter((problem) => problem.ruleId === 'build-record-ignored')
        .map((problem) => problem.message),
    ).toEqual(['Unexpected build cache content: 4 invalid entries ignored, expected the file as briefsmith wrote it']);
  });

  it.each([
    ['null', 'null'],
    ['a list', '[1]'],
    ['entries null', '{"version":2,"outDir":"OUT","inputs":{},"entries":null}'],
  ])('treats a cache that is %s as empty', async (_name, text) => {
    const { cwd } = sandbox();
    writeProjectFile(cwd, 'out/.cache/build-cache.json', text.replace('OUT', join(cwd, 'out')));
    expect((await buildBriefs({ cwd, formats: ['md'], threads: 0 })).written).toHaveLength(1);
  });
});

describe('--since with a damaged manifest', () => {
  it('ignores entries like [null] instead of crashing', async () => {
    const { cwd } = sandbox();
    writeProjectFile(
      cwd,
      'old/manifest.json',
      JSON.stringify({
        generator: 'briefsmith',
        briefs: [null, { id: 'minimal-brief', outputs: [null] }, hostileEntry('minimal-brief', 'json', '../secret.txt')],
      }),
    );
    const result = await buildBriefs({ cwd, formats: ['md'], threads: 0, since: 'old' });
    expect(result.written).toHaveLength(1);
  });
});

describe('random manifest and cache entries (property)', () => {
  // Ids and formats that together spell a way out of out/ (`${id}.${format}`), plus ordinary ones.
  const segment = fc.constantFrom('..', '.', '', 'out', 'sentinel.txt', 'home', '.ssh', 'minimal-brief', 'link', '\\');
  const name = fc.array(segment, { maxLength: 4 }).map((parts) => parts.join('/'));
  const id = fc.oneof(fc.constantFrom('../../', '../../home/', '../', 'link/', '/tmp/', 'minimal-brief', 'gone'), name);
  const format = fc.oneof(fc.constantFrom('md', 'html', 'json', '/sentinel.txt', 'ssh/id_rsa', './sentinel.txt', 'sentinel.txt'), name);
  const output = fc.record({ format, path: name, bytes: fc.nat(), sha256: fc.string() });
  const brief = fc
    .record({
      id,
      title: fc.string(),
      date: fc.string(),
      classification: fc.string(),
      source: fc.oneof(name, fc.constant('briefs/gone.md')),
      sourceHash: fc.string(),
      builtAt: fc.string(),
      outputs: fc.array(output, { maxLength: 3 }),
      consistent: fc.boolean(),
    })
    .map(({ consistent, ...entry }) =>
      consistent ? { ...entry, outputs: entry.outputs.map((each) => ({ ...each, path: `${entry.id}.${each.format}` })) } : entry,
    );

  it('never make a build touch a path outside the out dir', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(brief, { maxLength: 4 }), fc.array(brief, { maxLength: 3 }), async (manifestBriefs, cacheBriefs) => {
        const { outer, cwd } = sandbox();
        const out = join(cwd, 'out');
        mkdirSync(join(out, '.cache'), { recursive: true });
        symlinkSync(outer, join(out, 'link'));
        writeFileSync(join(out, 'manifest.json'), JSON.stringify({ generator: 'briefsmith', version: '0', briefs: manifestBriefs }));
        const entries = Object.fromEntries(
          cacheBriefs.map((entry) => [
            entry.source,
            {
              ...entry,
              outputs: Object.fromEntries(entry.outputs.map((each) => [each.format, { ...each, mtimeMs: 0, sourceHash: 'x', optionsKey: 'x', inputs: 'k' }])),
            },
          ]),
        );
        writeFileSync(join(out, '.cache', 'build-cache.json'), JSON.stringify({ version: 3, outDir: out, inputs: { k: {} }, entries }));
        const before = snapshot(outer, out);
        const result = await buildBriefs({ cwd, formats: ['md'], threads: 0 });
        expect(snapshot(outer, out)).toEqual(before);
        for (const path of [...result.removed, ...result.written.map((file) => file.path)]) expect(relative(out, path)).not.toMatch(/^\.\.|\//);
      }),
      { numRuns: 40 },
    );
  });
});

describe('ownedPath', () => {
  it('refuses names that leave the folder, lexically or through a symlinked folder', async () => {
    const { outer, cwd } = sandbox();
    const out = join(cwd, 'out');
    mkdirSync(out);
    symlinkSync(outer, join(out, 'link'));
    for (const name of ['../x', '/etc/passwd', 'a/../../x', 'link/sentinel.txt', 'a\\..\\x', 'x\0y', '', '.'])
      expect(() => ownedPath(out, name), name).toThrow(ContainmentError);
    await expect(writeOwned(out, 'link/sentinel.txt', 'gone')).rejects.toBeInstanceOf(ContainmentError);
    expect(readFileSync(join(outer, 'sentinel.txt'), 'utf8')).toBe('keep me\n');
    expect(ownedPath(out, 'a.md')).toBe(join(out, 'a.md'));
  });
});

describe('the out dir', () => {
  it.each([
    [['build', 'briefs', '--out', 'briefs'], 'the out dir briefs is the briefs folder briefs'],
    [['build', 'briefs', '--out', 'briefs/out'], 'the out dir briefs/out lies inside the briefs folder briefs'],
    [['build', 'briefs', '--out', '.'], 'the out dir . contains the briefs folder briefs'],
    [['build', 'briefs/a.md', '--out', 'briefs'], 'the out dir briefs contains the briefs file briefs/a.md'],
    [['build', 'briefs', '--out', 'sources', '--sources-dir', 'sources'], 'the out dir sources is the sources folder sources'],
    [['build', 'briefs', '--out', 'linked'], 'the out dir linked is the briefs folder briefs'],
  ])('is refused for %j (exit 2), and no brief is overwritten', (args, message) => {
    const { cwd } = sandbox({ 'sources/alpha.txt': 'text\n' });
    symlinkSync(join(cwd, 'briefs'), join(cwd, 'linked'));
    const cli = runCli([...args, '--format', 'md'], { cwd });
    expect(cli.stderr).toContain(message);
    expect(cli.status).toBe(2);
    expect(readFileSync(join(cwd, 'briefs/a.md'), 'utf8')).toBe(minimalBrief);
    expect(existsSync(join(cwd, 'briefs/minimal-brief.md'))).toBe(false);
  });

  it('may sit beside a brief file given by name', () => {
    const { cwd } = sandbox();
    expect(runCli(['build', 'briefs/a.md', '--out', 'briefs-out', '--format', 'md'], { cwd }).status).toBe(0);
  });
});

describe('--sources-dir', () => {
  const quoting = (quote: string) =>
    minimalBrief
      .replace('    date: 2025-10-15\n', '    date: 2025-10-15\n    file: afp.txt\n')
      .replace('said to be :q[a turning point]{source=alpha}', `said to be :q[${quote}]{source=alpha}`);

  it.each([
    ['a symlink to a file outside', (cwd: string, outer: string) => symlinkSync(join(outer, 'secret.txt'), join(cwd, 'sources/afp.txt'))],
    [
      'a file in a symlinked folder outside',
      (cwd: string, outer: string) => {
        symlinkSync(outer, join(cwd, 'sources/up'));
        writeFileSync(join(cwd, 'briefs/a.md'), quoting('root:x:0:0:root').replace('file: afp.txt', 'file: up/secret.txt'));
      },
    ],
  ])('never reads, verifies against or echoes %s', (_name, link) => {
    const { outer, cwd } = sandbox({ 'briefs/a.md': quoting('root:x:0:0:root'), 'sources/.keep': '' });
    link(cwd, outer);
    for (const reporter of ['human', 'github']) {
      const cli = runCli(['check', 'briefs', '--sources-dir', 'sources', '--reporter', reporter], { cwd });
      expect(cli.stdout + cli.stderr).not.toContain('/bin/bash');
      expect(cli.stdout + cli.stderr).toMatch(/is outside the sources dir/);
    }
    // A quote of the secret is not "verified" (no oracle), and one that differs shows no nearest passage.
    return loadBriefs({ cwd, sourcesDir: 'sources' }).then(([loaded]) => {
      expect(loaded!.quotesVerified).toBe(0);
      expect(
        problemsOf([loaded!.file])
          .map((problem) => problem.message)
          .join('\n'),
      ).not.toContain('bash');
    });
  });

  it('still reads a symlink that stays inside the folder', async () => {
    const { cwd } = sandbox({ 'briefs/a.md': quoting('a turning point'), 'sources/real.txt': 'It was a turning point, they said.\n' });
    symlinkSync('real.txt', join(cwd, 'sources/afp.txt'));
    const [loaded] = await loadBriefs({ cwd, sourcesDir: 'sources' });
    expect(loaded!.quotesVerified).toBe(1);
  });
});
