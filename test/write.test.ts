/** Atomic writes: folders are made on demand, old files are replaced whole, nothing else is left. */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pendingTempFiles, writeFileAtomic } from '../src/io/write.js';

describe('writeFileAtomic', () => {
  it('creates missing folders, including ones removed after an earlier write', async () => {
    const root = mkdtempSync(join(tmpdir(), 'bs-write-'));
    const target = join(root, 'a', 'b', 'brief.md');
    await writeFileAtomic(target, 'first');
    expect(readFileSync(target, 'utf8')).toBe('first');
    const other = join(root, 'c', 'brief.md');
    await writeFileAtomic(other, 'second');
    expect(readFileSync(other, 'utf8')).toBe('second');
  });

  it('replaces an existing file and leaves no temp file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'bs-write-'));
    writeFileSync(join(root, 'brief.html'), 'OLD');
    await writeFileAtomic(join(root, 'brief.html'), new TextEncoder().encode('NEW'));
    expect(readdirSync(root)).toEqual(['brief.html']);
    expect(readFileSync(join(root, 'brief.html'), 'utf8')).toBe('NEW');
    expect(pendingTempFiles()).toEqual([]);
  });

  it('reports a path that is not a folder as an error', async () => {
    const root = mkdtempSync(join(tmpdir(), 'bs-write-'));
    writeFileSync(join(root, 'file'), '');
    await expect(writeFileAtomic(join(root, 'file', 'brief.md'), 'x')).rejects.toMatchObject({ code: 'ENOTDIR' });
    expect(pendingTempFiles()).toEqual([]);
  });
});
