/**
 * Environment mistakes end with exit 2 and one clear line; CI can refuse warnings with
 * `--max-warnings`; a failed build says so; a closed stdout ends quietly.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, root } from './helpers/fixtures.js';
import { runCli } from './helpers/cli.js';

const minimal = join(fixturesDir, 'minimal', 'input.md');
const scratch = () => mkdtempSync(join(tmpdir(), 'bs-mistakes-'));
const oneLine = (stderr: string) => stderr.trim().split('\n');

describe('environment mistakes', () => {
  it('a folder without briefs is exit 2, for check and build', () => {
    const empty = scratch();
    for (const args of [
      ['check', empty],
      ['build', empty, '--out', join(scratch(), 'out')],
    ]) {
      const result = runCli(args);
      expect(result.status).toBe(2);
      expect(oneLine(result.stderr)).toEqual([`briefsmith: No briefs found in ${empty}: a brief is a .md file (README.md is skipped)`]);
    }
  });

  it('a templates folder that does not exist is exit 2, from the flag or from the config', () => {
    const flag = runCli(['check', minimal, '--templates', 'no-such-templates']);
    expect(flag.status).toBe(2);
    expect(oneLine(flag.stderr)).toEqual([`briefsmith: --templates no-such-templates: no such templates folder: ${join(root, 'no-such-templates')}`]);
    const project = scratch();
    writeFileSync(join(project, 'briefsmith.config.json'), '{ "templates": "house-style" }\n');
    cpSync(minimal, join(project, 'brief.md'));
    const config = runCli(['build', 'brief.md', '--format', 'md'], { cwd: project });
    expect(config.status).toBe(2);
    expect(oneLine(config.stderr)).toEqual([
      `briefsmith: "templates" in ${join(project, 'briefsmith.config.json')}: no such templates folder: ${join(project, 'house-style')}`,
    ]);
  });

  it("--since naming the build's own out dir is exit 2", () => {
    const out = join(scratch(), 'out');
    expect(runCli(['build', minimal, '--format', 'json', '--out', out]).status).toBe(0);
    const result = runCli(['build', minimal, '--format', 'json', '--out', out, '--since', out]);
    expect(result.status).toBe(2);
    expect(oneLine(result.stderr)).toEqual([
      `briefsmith: --since: ${out} is the output folder of this build; keep the previous publication elsewhere (\`cp -r out previous\`, then \`--since previous\`)`,
    ]);
  });

  it('serve on a port in use is exit 2 and does not keep running', async () => {
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', () => done()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const out = join(scratch(), 'out');
      const result = runCli(['serve', minimal, '--format', 'html', '--out', out, '--port', String(port)]);
      expect(result.status).toBe(2);
      // One line, before any build: no "rebuilt … watching…" for a preview that never starts.
      expect(oneLine(result.stderr)).toEqual([`briefsmith: Port ${port} is in use; pass --port <n> (or --port 0 for any free port)`]);
      expect(result.stdout).toBe('');
      expect(existsSync(out)).toBe(false);
    } finally {
      blocker.close();
    }
  }, 60_000);

  it('a closed stdout (`templates list | head -1`) ends quietly', async () => {
    const child = spawn(process.execPath, [join(root, 'bin', 'briefsmith.js'), 'templates', 'list'], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });
});

describe('--max-warnings', () => {
  it("lets the `new` skeleton's placeholders fail check and build, and passes at the limit", () => {
    const project = scratch();
    expect(runCli(['new', 'kestria-2026-01', '--date', '2026-01-10'], { cwd: project }).status).toBe(0);
    const plain = runCli(['check', 'briefs'], { cwd: project });
    expect(plain.status).toBe(0);
    const warnings = Number(/0 errors, (\d+) warnings/.exec(plain.stdout)?.[1]);
    expect(warnings).toBeGreaterThan(10);
    expect(plain.stdout).toMatch(/fill-me/);
    const strict = runCli(['check', 'briefs', '--max-warnings', '0'], { cwd: project });
    expect(strict.status).toBe(1);
    expect(oneLine(strict.stderr)).toEqual([`briefsmith: ${warnings} warnings, more than --max-warnings 0 allows`]);
    expect(runCli(['check', 'briefs', '--max-warnings', String(warnings)], { cwd: project }).status).toBe(0);
    const build = runCli(['build', 'briefs', '--format', 'md', '--max-warnings', '0'], { cwd: project });
    expect(build.status).toBe(1);
    expect(build.stderr).toContain(`briefsmith: ${warnings} warnings, more than --max-warnings 0 allows`);
    expect(runCli(['check', 'briefs', '--max-warnings', 'many'], { cwd: project }).status).toBe(2);
  });
});

describe('a failed build', () => {
  it('says so in its summary line', () => {
    const project = scratch();
    mkdirSync(join(project, 'briefs'));
    cpSync(join(fixturesDir, 'errors', 'unclosed-directive', 'input.md'), join(project, 'briefs', 'broken.md'));
    const result = runCli(['build', 'briefs', '--format', 'md'], { cwd: project });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^build failed: built 0, unchanged 0, 1 with errors \(0 files written\) in \d+\.\d\d s$/m);
  });
});
