/**
 * Chromium that always ends: a browser whose connection is gone is still killed on close; one
 * that hangs (SIGSTOP, never resumed) is detected by the per-page timeout and replaced; a
 * binary that never answers or is not a program ends the build with exit 2 and one line.
 */
import { readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBriefs, Printer } from '../../src/index.js';
import { runCli } from '../helpers/cli.js';
import { makeProject } from '../helpers/project.js';
import { briefText } from './brief.js';

/** Whether `pid` is a live process (not gone, not a zombie). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

const waitUntil = async (done: () => boolean) => {
  for (let tries = 0; tries < 100 && !done(); tries++) await new Promise((resolve) => setTimeout(resolve, 50));
};

function project(count: number) {
  const files: Record<string, string> = {};
  for (let index = 1; index <= count; index++) files[`briefs/brief-${index}.md`] = briefText({ id: `brief-${index}` });
  return makeProject(files);
}

describe('Chromium that always ends', () => {
  it('kills a browser whose connection is gone when the printer closes', async () => {
    const printer = await Printer.launch({ concurrency: 1 });
    const pid = printer.pid!;
    expect(alive(pid)).toBe(true);
    // The connection drops (as when Chromium's pipe breaks under memory pressure) but the process lives on.
    await (printer as unknown as { browser: { disconnect(): Promise<void> } }).browser.disconnect();
    expect(printer.connected).toBe(false);
    await printer.close();
    await waitUntil(() => !alive(pid));
    expect(alive(pid)).toBe(false);
  });

  it('replaces a browser that hangs for good, so only the brief being printed fails', async () => {
    const cwd = project(3);
    const pids: number[] = [];
    const result = await buildBriefs({
      cwd,
      formats: ['pdf'],
      concurrency: 1,
      timeout: 3_000,
      threads: 0,
      onEvent(event) {
        if (event.type === 'browser' && event.pid) pids.push(event.pid);
        if (event.type === 'brief' && event.index === 0 && pids[0]) process.kill(pids[0], 'SIGSTOP');
      },
    });
    expect(result.failures.map((failure) => failure.path)).toEqual([join('briefs', 'brief-1.md')]);
    expect(result.failures[0]!.error.message).toMatch(/^Chromium stopped while printing this brief \(Printing timed out/);
    // The two briefs left print on the fresh browser side by side: either may finish first.
    expect(result.written.map((file) => file.brief).sort()).toEqual([join('briefs', 'brief-2.md'), join('briefs', 'brief-3.md')]);
    await waitUntil(() => !alive(pids[0]!));
    expect(alive(pids[0]!)).toBe(false);
  });

  it('ends a build whose --chrome never answers with exit 2 and one line, and kills it', () => {
    const cwd = project(1);
    const chrome = join(cwd, 'silent-chrome.sh');
    writeFileSync(chrome, `#!/bin/sh\necho "junk on stdout"\necho "junk on stderr" >&2\necho $$ > ${join(cwd, 'pid')}\nexec sleep 1000\n`);
    chmodSync(chrome, 0o755);
    const cli = runCli(['build', '--format', 'pdf', '--chrome', chrome], { cwd });
    expect(cli.status).toBe(2);
    expect(cli.stderr.trim().split('\n')).toEqual([
      `briefsmith: Chromium at ${chrome} failed to start: it did not answer within 15 s. Check it with \`briefsmith doctor\`, or pass another binary with --chrome.`,
    ]);
    expect(alive(Number(readFileSync(join(cwd, 'pid'), 'utf8')))).toBe(false);
  });

  it('refuses a --chrome that is a folder, exit 2 and one line', () => {
    const cwd = project(1);
    const cli = runCli(['build', '--format', 'pdf', '--chrome', '/tmp'], { cwd });
    expect(cli.status).toBe(2);
    expect(cli.stderr).toMatch(/^briefsmith: No Chromium found to print PDFs \(--chrome points to \/tmp, which is not an executable file\)/);
    expect(cli.stderr.trim().split('\n')).toHaveLength(1);
  });
});
