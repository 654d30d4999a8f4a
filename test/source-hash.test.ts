/** A brief's source hash is reused only while the stat of every file it covers is unchanged. */
import { mkdtempSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefSourceHash, settleMs } from '../src/cache/source-hash.js';

/** A time at which every file written by the test has settled. */
const later = () => Date.now() + settleMs + 60_000;

function folder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'bs-source-hash-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  return root;
}

describe('briefSourceHash', () => {
  it('stamps only files that have settled', () => {
    const root = folder({ 'brief.md': 'text' });
    const fresh = briefSourceHash(join(root, 'brief.md'));
    expect(fresh.stamp).toBeNull();
    expect(fresh.settlesAt).toBeGreaterThan(Date.now());
    const settled = briefSourceHash(join(root, 'brief.md'), undefined, later());
    expect(settled.hash).toBe(fresh.hash);
    expect(settled.stamp).toHaveLength(1);
  });

  it('reuses the known hash while the stamp matches, and hashes again after any write', async () => {
    const root = folder({ 'brief.md': 'text one' });
    const path = join(root, 'brief.md');
    const first = briefSourceHash(path, undefined, later());
    // A matching stamp is trusted without reading: a made-up hash comes back.
    expect(briefSourceHash(path, { hash: 'known', stamp: first.stamp }, later()).hash).toBe('known');
    // Same size, modification time put back (to the millisecond): the change time still moves (once the clock has
    // ticked: a write in the same tick is what `settleMs` keeps from being stamped).
    await new Promise((resolve) => setTimeout(resolve, 50));
    const { atime, mtime } = statSync(path);
    writeFileSync(path, 'text two');
    utimesSync(path, atime, mtime);
    const second = briefSourceHash(path, { hash: 'known', stamp: first.stamp }, later());
    expect(second.hash).not.toBe('known');
    expect(second.hash).not.toBe(first.hash);
  });

  it('covers the images a brief references, present or missing', () => {
    const root = folder({ 'brief.md': '![Map](map.png)\n\n![Chart](chart.png)\n', 'map.png': 'red' });
    const path = join(root, 'brief.md');
    const first = briefSourceHash(path, undefined, later());
    expect(first.stamp).toHaveLength(3);
    expect(briefSourceHash(path, { hash: 'known', stamp: first.stamp }, later()).hash).toBe('known');

    writeFileSync(join(root, 'map.png'), 'blue');
    const changed = briefSourceHash(path, { hash: 'known', stamp: first.stamp }, later());
    expect(changed.hash).not.toBe(first.hash);

    writeFileSync(join(root, 'chart.png'), 'bars');
    const added = briefSourceHash(path, { hash: 'known', stamp: changed.stamp }, later());
    expect(added.hash).not.toBe(changed.hash);
  });

  it('hashes as before: the bytes alone when nothing is referenced', async () => {
    const { sha256 } = await import('../src/io/hash.js');
    const root = folder({ 'brief.md': 'no images [here](https://example.org)\n[1]: https://example.org\n' });
    expect(briefSourceHash(join(root, 'brief.md')).hash).toBe(sha256('no images [here](https://example.org)\n[1]: https://example.org\n'));
  });
});
