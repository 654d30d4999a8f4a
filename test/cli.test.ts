/** The CLI as a user meets it: help, version, exit codes 0/1/2, the problem format. */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { fixturesDir } from './helpers/fixtures.js';

const minimal = join(fixturesDir, 'minimal', 'input.md');

describe('briefsmith CLI', () => {
  it('prints help and version for the CLI and each command', () => {
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('build [...paths]');
    expect(help.stdout).toContain('check [...paths]');
    const version = JSON.parse(readFileSync(join(fixturesDir, '..', '..', 'package.json'), 'utf8')).version as string;
    expect(runCli(['--version']).stdout).toContain(version);
    for (const command of ['build', 'check', 'doctor']) {
      const commandHelp = runCli([command, '--help']);
      expect(commandHelp.status).toBe(0);
      expect(commandHelp.stdout).toContain(`$ briefsmith ${command}`);
      expect(runCli([command, '--version']).stdout).toContain(version);
    }
  });

  it('check exits 0 on a valid brief and says so', () => {
    const result = runCli(['check', minimal]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('0 errors, 0 warnings in 1 brief');
  });

  it('check exits 1 and prints path:line:column, severity, message and rule id for each problem', () => {
    const brief = join(fixturesDir, 'errors', 'invalid-value', 'input.md');
    const result = runCli(['check', brief]);
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/input\.md:16:24 {2}error {4}Unexpected `probably` for `likelihood`, .* {2}invalid-value$/);
    expect(lines[1]).toBe('    help: docs/format.md lists the allowed values.');
    expect(lines).toHaveLength(9);
    expect(lines[8]).toBe('4 errors, 0 warnings in 1 brief');
    // No "Quotes: 0 not verified" for a brief without quotes: a line that reports nothing is not printed.
  });

  it('exits 2 for usage and environment errors', () => {
    expect(runCli(['check', 'no/such/file.md']).status).toBe(2);
    expect(runCli(['build', minimal, '--format', 'odt']).status).toBe(2);
    expect(runCli(['check', minimal, '--reporter', 'xml']).status).toBe(2);
    expect(runCli(['frobnicate']).status).toBe(2);
    const missingChrome = runCli(['build', minimal, '--format', 'pdf', '--out', mkdtempSync(join(tmpdir(), 'bs-')), '--chrome', '/nonexistent/chrome']);
    expect(missingChrome.status).toBe(2);
    expect(missingChrome.stderr).toMatch(/No Chromium found.*apt-get install chromium-headless-shell/);
  });

  it('build writes one line per file and a timed summary; content errors exit 1 and write nothing', () => {
    const out = mkdtempSync(join(tmpdir(), 'bs-out-'));
    const ok = runCli(['build', minimal, '--out', out, '--format', 'md,html,json']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/wrote .*minimal-brief\.md \(\d+ KB\)/);
    expect(ok.stdout).toMatch(/^built 1, unchanged 0 \(3 files written\) in \d+\.\d+ s$/m);
    const broken = join(mkdtempSync(join(tmpdir(), 'bs-briefs-')), 'broken.md');
    writeFileSync(broken, readFileSync(minimal, 'utf8').replace('id: minimal-brief', 'id: broken-brief').replace('likelihood=likely', 'likelihood=maybe'));
    const bad = runCli(['build', broken, '--out', out, '--format', 'md']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('invalid-value');
    expect(existsSync(join(out, 'broken-brief.md'))).toBe(false);
  });
});
