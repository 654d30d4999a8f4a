/**
 * Sharded builds: the assignment (rendezvous hashing of source paths) and `briefsmith merge`,
 * whose result must equal an unsharded build of the same briefs, and which refuses shards that
 * are not the whole of one build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inShard, parseShard, shardOf } from '../src/publish/shard.js';
import { buildBriefs } from '../src/index.js';
import { runCli } from './helpers/cli.js';
import { fileTree } from './helpers/tree.js';
import { fullBrief, makeProject, minimalBrief, withId, writeProjectFile } from './helpers/project.js';

const env = { SOURCE_DATE_EPOCH: '1761955200' };
const sample = readFileSync(join(import.meta.dirname, '..', 'briefs', 'sharaa-moscow-2025-10.md'), 'utf8');

describe('shard assignment', () => {
  const key = fc.stringMatching(/^briefs\/[a-z0-9/-]{1,30}\.md$/);

  it('gives each brief one shard in 1..N, the same whatever other briefs exist', () => {
    fc.assert(
      fc.property(fc.uniqueArray(key, { minLength: 1, maxLength: 40 }), key, fc.integer({ min: 1, max: 12 }), (keys, added, count) => {
        const before = keys.map((path) => shardOf(path, count));
        for (const shard of before) expect(shard >= 1 && shard <= count).toBe(true);
        // Adding a brief moves none of the others.
        const after = [...keys, added].map((path) => shardOf(path, count));
        expect(after.slice(0, keys.length)).toEqual(before);
        expect([...Array(count)].map((_, index) => keys.filter((path) => inShard(path, { index: index + 1, count })).length).reduce((a, b) => a + b)).toBe(
          keys.length,
        );
      }),
    );
  });

  it('moves only briefs the new shard wins when N grows', () => {
    fc.assert(
      fc.property(fc.uniqueArray(key, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 12 }), (keys, count) => {
        for (const path of keys) {
          const now = shardOf(path, count + 1);
          if (now !== count + 1) expect(now).toBe(shardOf(path, count));
        }
      }),
    );
    // And about 1/(N+1) of them move: 4 → 5 shards over 2000 paths.
    const paths = Array.from({ length: 2000 }, (_, index) => `briefs/brief-${index}.md`);
    const moved = paths.filter((path) => shardOf(path, 4) !== shardOf(path, 5)).length;
    expect(moved / paths.length).toBeGreaterThan(0.15);
    expect(moved / paths.length).toBeLessThan(0.25);
  });

  it('reads --shard i/N and refuses anything else', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '1', '1/257']) expect(() => parseShard(bad), bad).toThrow(/--shard expects i\/N/);
  });
});

/** The sample brief, the two fixtures and copies (`small`: three small briefs, for the refusals). */
function sampleProject(small = false): string {
  const files: Record<string, string> = small
    ? {}
    : { 'briefs/sharaa-moscow-2025-10.md': sample, 'briefs/full.md': fullBrief, 'briefs/minimal.md': minimalBrief };
  for (let index = 1; index <= (small ? 3 : 5); index++) files[`briefs/more/copy-${index}.md`] = withId(index % 2 ? minimalBrief : fullBrief, `copy-${index}`);
  return makeProject(files);
}

/** A site-mode build through the library (a CLI process per shard would cost seconds each). */
async function build(cwd: string, out: string, shard?: string): Promise<void> {
  const result = await buildBriefs({
    cwd,
    formats: ['md', 'html', 'json'],
    site: true,
    env,
    outDir: out,
    threads: 0,
    ...(shard ? { shard: parseShard(shard) } : {}),
  });
  expect(result.failures).toEqual([]);
  expect(result.files.flatMap((file) => file.messages.filter((message) => message.fatal))).toEqual([]);
}

describe('briefsmith merge', () => {
  it('merges 3 shards into exactly what an unsharded build writes', async () => {
    const cwd = sampleProject();
    await build(cwd, 'whole');
    const sizes: number[] = [];
    for (const index of [1, 2, 3]) {
      await build(cwd, `shards/${index}`, `${index}/3`);
      sizes.push(JSON.parse(readFileSync(join(cwd, 'shards', String(index), 'manifest.json'), 'utf8')).briefs.length);
    }
    expect(sizes.reduce((a, b) => a + b)).toBe(8);
    const merged = runCli(['merge', 'shards/3', 'shards/1', 'shards/2', '--out', 'merged'], { cwd, env });
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stdout).toMatch(/^merged 3 shards: 8 briefs, \d+ files copied into merged in \d+\.\d\d s$/m);
    const whole = fileTree(join(cwd, 'whole'));
    expect(Object.keys(whole)).toEqual(expect.arrayContaining(['index.html', 'feed.xml', 'manifest.json', 'sharaa-moscow-2025-10.html']));
    expect(fileTree(join(cwd, 'merged'))).toEqual(whole);
    // Merging again into the same folder copies nothing and changes nothing.
    const again = runCli(['merge', 'shards/1', 'shards/2', 'shards/3', '--out', 'merged'], { cwd, env });
    expect(again.stdout).toMatch(/8 briefs, 0 files copied/);
    expect(fileTree(join(cwd, 'merged'))).toEqual(whole);
  });

  it('refuses a missing shard, a shard of another build, an unsharded folder and an id published twice, with exit 2', async () => {
    const cwd = sampleProject(true);
    for (const index of [1, 2]) await build(cwd, `shards/${index}`, `${index}/2`);
    const missing = runCli(['merge', 'shards/1', '--out', 'merged'], { cwd });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('shard 2/2 missing; got 1/2');
    const twice = runCli(['merge', 'shards/1', 'shards/1', '--out', 'merged'], { cwd });
    expect(twice.status).toBe(2);
    expect(twice.stderr).toContain('shard 1/2 is given twice');

    // Another template for one shard: its fingerprint differs.
    writeProjectFile(cwd, 'templates/screen.css', '@media screen { body { margin: 2px; } }\n');
    await build(cwd, 'foreign/2', '2/2');
    const foreign = runCli(['merge', 'shards/1', 'foreign/2', '--out', 'merged'], { cwd });
    expect(foreign.status).toBe(2);
    expect(foreign.stderr).toMatch(/foreign\/2 was built with other templates or options than shards\/1/);
    await build(cwd, 'three/1', '1/3');
    expect(runCli(['merge', 'shards/1', 'three/1', '--out', 'merged'], { cwd }).stderr).toMatch(/is shard 1\/3, shards\/1 is shard 1\/2/);

    await build(cwd, 'whole');
    const unsharded = runCli(['merge', 'whole', '--out', 'merged'], { cwd });
    expect(unsharded.status).toBe(2);
    expect(unsharded.stderr).toContain('whole is the output of an unsharded build');
    expect(readdirSync(cwd)).not.toContain('merged');
  }, 180_000);

  it('refuses two briefs with one id in different shards, naming both', async () => {
    const files: Record<string, string> = {};
    // Find two paths that land in different shards of 2.
    const paths = Array.from({ length: 20 }, (_, index) => `briefs/same-${index}.md`);
    const [first] = paths;
    const second = paths.find((path) => shardOf(path, 2) !== shardOf(first!, 2))!;
    files[first!] = minimalBrief;
    files[second] = minimalBrief;
    const cwd = makeProject(files);
    for (const index of [1, 2]) await build(cwd, `shards/${index}`, `${index}/2`);
    const merged = runCli(['merge', 'shards/1', 'shards/2', '--out', 'merged'], { cwd });
    expect(merged.status).toBe(2);
    expect(merged.stderr).toContain('brief id published twice: `minimal-brief` in');
    expect(merged.stderr).toContain(first!);
    expect(merged.stderr).toContain(second);
  }, 120_000);
});
