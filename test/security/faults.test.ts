/**
 * Faults: Chromium that will not start, crashes mid-build or hangs; an out dir that cannot be
 * written; SIGINT/SIGTERM. The build names the brief that failed, relaunches once, exits
 * non-zero, and leaves previous outputs and no temp files behind.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBriefs } from '../../src/index.js';
import { root } from '../helpers/fixtures.js';
import { runCli } from '../helpers/cli.js';
import { briefText } from './brief.js';

/** A project with `count` briefs and an out dir holding an old `<id>.pdf` for each. */
function project(count: number) {
  const dir = mkdtempSync(join(tmpdir(), 'bs-faults-'));
  mkdirSync(join(dir, 'briefs'));
  mkdirSync(join(dir, 'out'));
  const ids = Array.from({ length: count }, (_, index) => `brief-${index + 1}`);
  for (const id of ids) {
    writeFileSync(join(dir, 'briefs', `${id}.md`), briefText({ id, body: 'Plain prose. [@alpha]\n\n'.repeat(40) }));
    writeFileSync(join(dir, 'out', `${id}.pdf`), `OLD ${id}`);
  }
  return { dir, ids, out: join(dir, 'out') };
}

const tempFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

describe('Chromium faults', () => {
  it('reports a Chromium that fails to launch in one line, exit 2, old outputs intact', () => {
    const { dir, out } = project(1);
    const result = runCli(['build', 'briefs', '--out', 'out', '--format', 'pdf', '--chrome', '/bin/false'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(/^briefsmith: Chromium at \/bin\/false failed to start: .*--chrome\.$/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(out, 'brief-1.pdf'), 'utf8')).toBe('OLD brief-1');
    expect(tempFiles(out)).toEqual([]);
  });

  it('fails the brief being printed when Chromium crashes, relaunches once for the rest', async () => {
    const { dir, out } = project(3);
    let pid: number | undefined;
    const result = await buildBriefs({
      paths: ['briefs'],
      cwd: dir,
      outDir: 'out',
      formats: ['pdf', 'md'],
      concurrency: 1,
      onEvent(event) {
        if (event.type === 'browser') pid = event.pid;
        if (event.type === 'brief' && event.index === 0 && pid) process.kill(pid, 'SIGKILL');
      },
    });
    expect(pid).toBeTypeOf('number');
    expect(result.failures.map((failure) => failure.path)).toEqual([join('briefs', 'brief-1.md')]);
    expect(result.failures[0]!.error.message).toMatch(/^Chromium stopped while printing this brief/);
    expect(result.written.map((file) => `${file.brief} ${file.format}`).sort()).toEqual([
      'briefs/brief-2.md md',
      'briefs/brief-2.md pdf',
      'briefs/brief-3.md md',
      'briefs/brief-3.md pdf',
    ]);
    // Render everything, then write: the failed brief kept its old PDF and got no new Markdown.
    expect(readFileSync(join(out, 'brief-1.pdf'), 'utf8')).toBe('OLD brief-1');
    expect(existsSync(join(out, 'brief-1.md'))).toBe(false);
    expect(readFileSync(join(out, 'brief-2.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(tempFiles(out)).toEqual([]);
  });

  it('with two pages and briefs queued, a crash fails at most the briefs being printed; the rest print on one fresh browser', async () => {
    const { dir, out } = project(5);
    let pid: number | undefined;
    const result = await buildBriefs({
      paths: ['briefs'],
      cwd: dir,
      outDir: 'out',
      formats: ['pdf'],
      concurrency: 2,
      threads: 0,
      onEvent(event) {
        if (event.type === 'browser') pid = event.pid;
        if (event.type === 'brief' && event.index === 0 && pid) process.kill(pid, 'SIGKILL');
      },
    });
    expect(pid).toBeTypeOf('number');
    expect(result.failures.length).toBeGreaterThan(0);
    expect(result.failures.length).toBeLessThanOrEqual(2);
    for (const failure of result.failures) expect(failure.error.message).toMatch(/^Chromium stopped while printing this brief/);
    expect(result.written.length).toBe(5 - result.failures.length);
    for (const file of result.written) expect(readFileSync(file.path).subarray(0, 5).toString()).toBe('%PDF-');
    expect(tempFiles(out)).toEqual([]);
  });

  it('fails a brief whose print hangs past the per-page timeout, naming it, and goes on', async () => {
    const { dir, out } = project(2);
    let pid: number | undefined;
    let resume: NodeJS.Timeout | undefined;
    const result = await buildBriefs({
      paths: ['briefs'],
      cwd: dir,
      outDir: 'out',
      formats: ['pdf'],
      concurrency: 1,
      timeout: 3_000,
      onEvent(event) {
        if (event.type === 'browser') pid = event.pid;
        // A stopped Chromium is a hung one; it resumes after the first brief has timed out.
        if (event.type === 'brief' && event.index === 0 && pid) {
          process.kill(pid, 'SIGSTOP');
          resume = setTimeout(() => process.kill(pid!, 'SIGCONT'), 4_500);
        }
      },
    }).finally(() => {
      if (resume) clearTimeout(resume);
      if (pid)
        try {
          process.kill(pid, 'SIGCONT');
        } catch {
          /* gone */
        }
    });
    expect(result.failures.map((failure) => failure.path)).toEqual([join('briefs', 'brief-1.md')]);
    expect(result.failures[0]!.error.message).toMatch(/time/i);
    expect(readFileSync(join(out, 'brief-1.pdf'), 'utf8')).toBe('OLD brief-1');
    expect(readFileSync(join(out, 'brief-2.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(tempFiles(out)).toEqual([]);
  });
});

describe('output faults', () => {
  it('refuses an out dir that is a file: one clear line, exit 2, nothing written', () => {
    const { dir } = project(1);
    writeFileSync(join(dir, 'not-a-dir'), 'a file');
    const before = readdirSync(dir).sort();
    const result = runCli(['build', 'briefs', '--out', 'not-a-dir', '--format', 'md,json'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(
      /^briefsmith: cannot .*not-a-dir.*: (a file is in the way|a part of the path is a file, not a folder) \(E(EXIST|NOTDIR)\)$/,
    );
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(readFileSync(join(dir, 'not-a-dir'), 'utf8')).toBe('a file');
  });

  it.skipIf(process.getuid?.() === 0)('refuses an unwritable out dir: exit 2, old outputs intact', async () => {
    const { chmodSync } = await import('node:fs');
    const { dir, out } = project(1);
    chmodSync(out, 0o555);
    const result = runCli(['build', 'briefs', '--out', 'out', '--format', 'md'], { cwd: dir });
    chmodSync(out, 0o755);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/permission denied \(EACCES\)/);
    expect(readdirSync(out).sort()).toEqual(['brief-1.pdf']);
  });
});

/** The process and all its descendants, from /proc. */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      /* gone */
    }
  }
  const all: number[] = [];
  const walk = (id: number) => {
    for (const child of children.get(id) ?? []) {
      all.push(child);
      walk(child);
    }
  };
  walk(pid);
  return all;
}

const alive = (pid: number) => {
  try {
    return !/^\S+ \(.*\) [ZX]/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

describe.skipIf(process.platform !== 'linux')('signals', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('on %s closes Chromium, removes temp files and exits %i', async (signal, code) => {
    const { dir, out } = project(6);
    const child = spawn(
      process.execPath,
      [join(root, 'bin', 'briefsmith.js'), 'build', 'briefs', '--out', 'out', '--format', 'pdf,html,md', '--concurrency', '1'],
      { cwd: dir },
    );
    let stderr = '';
    let browsers: number[] = [];
    const exited = new Promise<number | null>((resolve) => child.on('exit', (status) => resolve(status)));
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // Once the second brief is under way, Chromium is running: interrupt.
        if (stderr.includes('[2/6]') && browsers.length === 0) {
          browsers = descendants(child.pid!);
          child.kill(signal);
          resolve();
        }
      });
    });
    expect(await exited).toBe(code);
    expect(browsers.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(browsers.filter(alive)).toEqual([]);
    expect(tempFiles(out)).toEqual([]);
    expect(stderr).toContain(`interrupted (${signal})`);
    // Briefs not reached keep their old output.
    expect(readFileSync(join(out, 'brief-6.pdf'), 'utf8')).toBe('OLD brief-6');
  });
});
