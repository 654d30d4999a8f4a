/** Disk full while writing outputs: the error names the output in words, and no temp file is left, nor a brief with mixed old and new formats. */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

/** Temp files of these outputs hit a full disk half-way through (the real error carries no path). */
const full = vi.hoisted(() => new Set<string>());

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof real.open = async (...args) => {
    const handle = await real.open(...args);
    const target = basename(String(args[0])).replace(/^\.(.+)\.\d+\.[0-9a-f]+\.tmp$/, '$1');
    if (!full.has(target)) return handle;
    return Object.assign(Object.create(handle) as typeof handle, {
      writeFile: async () => {
        await handle.write('partial');
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    });
  };
  return { ...real, open, default: { ...real, open } };
});

const { writeFileAtomic, writeFilesAtomic, pendingTempFiles } = await import('../../src/io/write.js');
const { describeError, exitCodeFor } = await import('../../src/cli/exit.js');

describe('disk full', () => {
  it('leaves the old file and no temp file, and names the file in words', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bs-full-'));
    writeFileSync(join(dir, 'brief.html'), 'OLD');
    full.add('brief.html');
    const error = await writeFileAtomic(join(dir, 'brief.html'), 'NEW').catch((caught: unknown) => caught);
    expect(readdirSync(dir)).toEqual(['brief.html']);
    expect(pendingTempFiles()).toEqual([]);
    expect(exitCodeFor(error)).toBe(2);
    expect(describeError(error)).toBe(`cannot write ${join(dir, 'brief.html')}: the disk is full (ENOSPC)`);
  });

  it('keeps every format of a brief old when one of them cannot be written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bs-full-'));
    for (const format of ['md', 'html', 'json']) writeFileSync(join(dir, `brief.${format}`), `OLD ${format}`);
    full.clear();
    full.add('brief.json');
    const error = await writeFilesAtomic(['md', 'html', 'json'].map((format) => ({ path: join(dir, `brief.${format}`), data: `NEW ${format}` }))).catch(
      (caught: unknown) => caught,
    );
    expect(describeError(error)).toBe(`cannot write ${join(dir, 'brief.json')}: the disk is full (ENOSPC)`);
    expect(['md', 'html', 'json'].map((format) => readFileSync(join(dir, `brief.${format}`), 'utf8'))).toEqual(['OLD md', 'OLD html', 'OLD json']);
    expect(readdirSync(dir).sort()).toEqual(['brief.html', 'brief.json', 'brief.md']);
    expect(pendingTempFiles()).toEqual([]);
  });
});
