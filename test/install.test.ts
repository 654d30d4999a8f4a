/**
 * Installing briefsmith into a briefs repository of its own, offline: the package is packed
 * (`npm pack`), installed into a temporary project by npm, and the installed bin runs `init`,
 * `check` and `build` there.
 *
 * Why `npm ci` from a lock file and not `npm install <tgz>`: resolving version ranges needs the
 * registry's package documents, and `npm ci` (how this checkout and CI install) caches only
 * tarballs, so `npm install --offline <tgz>` fails with ENOTCACHED on the first dependency. The
 * test therefore writes the lock file `npm install` would write — the tarball plus the versions
 * this checkout's package-lock.json resolved, without its dev dependencies — and `npm ci
 * --offline` installs from it: extraction, layout, bin links and the package's own file list are
 * npm's. It is also how the repository's CI installs (`npm ci`). Everything else is real.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { locateChrome } from '../src/print/locate.js';
import { root } from './helpers/fixtures.js';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}
const run = (command: string, args: string[], cwd: string): Run => {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, SOURCE_DATE_EPOCH: '1767571200' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};
const npm = (args: string[], cwd: string) => run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], cwd);

type LockEntry = Record<string, unknown> & { dev?: boolean; devOptional?: boolean; optional?: boolean };
const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string } & Record<string, unknown>;

/** The lock file `npm install ./vendor/<tarball>` writes, from the versions this checkout resolved. */
function projectLock(name: string, tarball: string, integrity: string): string {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const packages: Record<string, LockEntry> = {
    '': { name, dependencies: { briefsmith: `file:${tarball}` } },
    'node_modules/briefsmith': {
      version: rootPackage.version,
      resolved: `file:${tarball}`,
      integrity,
      license: rootPackage.license,
      dependencies: rootPackage.dependencies,
      optionalDependencies: rootPackage.optionalDependencies,
      bin: rootPackage.bin,
      engines: rootPackage.engines,
    },
  };
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '' || entry.dev) continue;
    // Needed by a dev dependency and an optional one: without dev dependencies, only optional.
    const { devOptional, ...rest } = entry;
    packages[path] = devOptional ? { ...rest, optional: true } : rest;
  }
  return `${JSON.stringify({ name, lockfileVersion: 3, requires: true, packages }, null, 2)}\n`;
}

describe('install into a briefs repository of its own (npm pack, offline npm ci, init, check, build)', () => {
  // One real `npm pack` serves both tests: its --json report lists the files of the tarball itself.
  let scratch = '';
  let project = '';
  let packed: { filename: string; files: Array<{ path: string }> };
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'bs-install-'));
    project = join(scratch, 'unit-briefs');
    mkdirSync(join(project, 'vendor'), { recursive: true });
    // dist/ is already compiled (`npm test` runs tsc first), so `prepare` is skipped.
    const result = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', join(project, 'vendor')], root);
    expect(result.status, result.stderr).toBe(0);
    packed = (JSON.parse(result.stdout) as Array<typeof packed>)[0]!;
  }, 120_000);
  // The installed project holds ~230 packages (~200 MB): never leave it behind.
  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('packs the files an installed briefsmith needs, and nothing of the checkout', () => {
    const files = packed.files.map((file) => file.path);
    for (const needed of [
      'package.json',
      'README.md',
      'bin/briefsmith.js',
      'dist/cli/index.js',
      'dist/index.js',
      'dist/index.d.ts',
      'defaults/templates/brief.html.hbs',
      'defaults/templates/brief.docx',
      'defaults/templates/partials/html/cover.hbs',
      'defaults/project/briefs.yml',
      'defaults/project/gitignore',
      'defaults/project/README.md',
      'assets/icc/sRGB.icc',
      'docs/install.md',
    ])
      expect(files).toContain(needed);
    expect(files.filter((path) => /^(src|test|briefs|bench|scripts|templates|\.github|node_modules)\//.test(path))).toEqual([]);
  });

  it('installs from the tarball offline; the installed bin runs init, check, eject and build', async () => {
    const tarball = `vendor/${packed.filename}`;
    const integrity = `sha512-${createHash('sha512')
      .update(readFileSync(join(project, tarball)))
      .digest('base64')}`;
    writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'unit-briefs', dependencies: { briefsmith: `file:${tarball}` } }, null, 2)}\n`);
    writeFileSync(join(project, 'package-lock.json'), projectLock('unit-briefs', tarball, integrity));

    const installed = npm(['ci', '--offline'], project);
    // ENOTCACHED: this checkout's dependencies were not installed through npm here (npm ci fills the cache).
    const hint = /ENOTCACHED/.test(installed.stderr) ? 'the npm cache lacks a dependency tarball; run `npm ci` in this checkout, then retry\n' : '';
    expect(installed.status, hint + installed.stderr).toBe(0);
    const bin = join(project, 'node_modules', '.bin', 'briefsmith');
    expect(existsSync(join(project, 'node_modules', 'briefsmith', 'templates'))).toBe(false);

    const init = run(bin, ['init'], project);
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain('updated package.json\n');
    const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
    expect(manifest.dependencies).toEqual({ briefsmith: `file:${tarball}` });

    // The scripts init wrote, through npm: the example's TODOs are warnings (exit 0), errors would be 1.
    const check = npm(['run', '--silent', 'check'], project);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toMatch(/fill-me/);
    expect(check.stdout).not.toMatch(/ error /);

    // The check step of the workflow init wrote, run as the runner runs it (`npx`, the installed
    // briefsmith): the example's TODOs become annotations and fail it, as docs/install.md says.
    const workflow = parse(readFileSync(join(project, '.github', 'workflows', 'briefs.yml'), 'utf8')) as {
      jobs: { check: { steps: Array<{ run?: string }> } };
    };
    const ciCheck = workflow.jobs.check.steps.map((step) => step.run ?? '').find((line) => line.startsWith('npx briefsmith check'))!;
    const annotated = run('npx', ['--offline', ...ciCheck.split(/\s+/).slice(1)], project);
    expect(annotated.status, annotated.stderr).toBe(1);
    expect(annotated.stdout).toMatch(/^::warning file=briefs\/example\.md,line=\d+,col=\d+,.*title=fill-me::/m);

    // A project override in templates/, copied from the installed built-ins, wins.
    expect(run(bin, ['templates', 'eject', 'cover'], project).status).toBe(0);
    const cover = join(project, 'templates', 'partials', 'html', 'cover.hbs');
    writeFileSync(cover, readFileSync(cover, 'utf8').replace('<header class="cover">', '<header class="cover" data-unit="ours">'));

    const chrome = await locateChrome().catch(() => undefined);
    const formats = chrome ? 'md,html,json,pdf' : 'md,html,json';
    const build = run(bin, ['build', 'briefs', '--format', formats], project);
    expect(build.status, build.stdout + build.stderr).toBe(0);
    expect(readFileSync(join(project, 'out', 'example.md'), 'utf8')).toMatch(/^# Example brief/m);
    expect(readFileSync(join(project, 'out', 'example.html'), 'utf8')).toContain('data-unit="ours"');
    expect(JSON.parse(readFileSync(join(project, 'out', 'example.json'), 'utf8'))).toMatchObject({ meta: { id: 'example', title: 'Example brief' } });
    if (chrome)
      expect(
        readFileSync(join(project, 'out', 'example.pdf'))
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
    const broken = run(bin, ['check', 'nowhere'], project);
    expect(broken.status).toBe(2);
  }, 180_000);
});
