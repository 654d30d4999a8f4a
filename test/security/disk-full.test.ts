/** Disk full while writing an output: the error says so in words, and no temp file is left. */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof real.open = async (...args) => {
    const handle = await real.open(...args);
    // The disk fills up half-way through the write.
    return Object.assign(Object.create(handle) as typeof handle, {
      writeFile: async () => {
        await handle.write('partial');
        throw Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: 'ENOSPC', syscall: 'write', path: String(args[0]) });
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    });
  };
  return { ...real, open, default: { ...real, open } };
});

const { writeFileAtomic, pendingTempFiles } = await import('../../src/build/write.js');
const { describeError, exitCodeFor } = await import('../../src/cli/exit.js');

describe('disk full', () => {
  it('leaves the old file and no temp file, and explains the error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bs-full-'));
    writeFileSync(join(dir, 'brief.html'), 'OLD');
    const error = await writeFileAtomic(join(dir, 'brief.html'), 'NEW').catch((caught: unknown) => caught);
    expect(readdirSync(dir)).toEqual(['brief.html']);
    expect(pendingTempFiles()).toEqual([]);
    expect(exitCodeFor(error)).toBe(2);
    expect(describeError(error)).toBe(`cannot write ${join(dir, 'brief.html')}: the disk is full (ENOSPC)`);
  });
});
