/** `briefsmith init`: the files of a briefs repository, its refusals, the package.json merge, and its CI workflow. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packageName, projectPackageJson } from '../src/scaffold/package-json.js';
import { projectDefaultsDir } from '../src/scaffold/project-files.js';
import { runCli } from './helpers/cli.js';
import { root } from './helpers/fixtures.js';

const temp = () => mkdtempSync(join(tmpdir(), 'bs-init-'));
const files = ['briefsmith.config.json', 'briefs/example.md', 'README.md', 'templates/README.md', '.github/workflows/briefs.yml', '.gitignore', 'package.json'];

describe('briefsmith init', () => {
  it('writes a repository whose example brief checks with only fill-me warnings', () => {
    const cwd = temp();
    const result = runCli(['init', 'unit-briefs', '--date', '2026-01-05'], { cwd });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.split('\n').slice(0, files.length)).toEqual(files.map((path) => `wrote unit-briefs/${path}`));
    expect(result.stdout).toContain('Next: cd unit-briefs && npm install, then npm run check and npm run build');
    const project = join(cwd, 'unit-briefs');
    expect(readdirSync(join(project, 'templates'))).toEqual(['README.md']);
    expect(readFileSync(join(project, 'templates', 'README.md'), 'utf8')).toContain('briefsmith templates eject cover');
    expect(readFileSync(join(project, '.gitignore'), 'utf8')).toBe('out/\nnode_modules/\n');
    expect(JSON.parse(readFileSync(join(project, 'briefsmith.config.json'), 'utf8'))).toEqual({ templates: 'templates' });
    expect(JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'))).toMatchObject({
      name: 'unit-briefs',
      private: true,
      scripts: { check: 'briefsmith check briefs', build: 'briefsmith build briefs' },
      dependencies: { briefsmith: '^0.1.0' },
    });
    const readme = readFileSync(join(project, 'README.md'), 'utf8');
    for (const command of ['npm run check', 'npm run build', '--max-warnings 0', 'warnings']) expect(readme).toContain(command);

    // From a sub-folder too: the config names the templates folder.
    const check = runCli(['check', join(project, 'briefs')], { cwd: join(project, 'briefs') });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    const problems = check.stdout.split('\n').filter((line) => /^\S+:\d+:\d+ /.test(line));
    expect(problems.length).toBeGreaterThan(10);
    expect(problems.filter((line) => !line.endsWith('  warning  Unexpected placeholder `TODO`, expected real content  fill-me'))).toEqual([]);
    expect(runCli(['check', 'briefs', '--max-warnings', '0'], { cwd: project }).status).toBe(1);
  });

  it('writes nothing when a file is there, names every one and exits 2; --force overwrites', () => {
    const cwd = temp();
    writeFileSync(join(cwd, 'README.md'), 'OURS\n');
    mkdirSync(join(cwd, 'briefs'));
    writeFileSync(join(cwd, 'briefs', 'example.md'), 'OURS\n');
    const refused = runCli(['init'], { cwd });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe('briefsmith: Refusing to overwrite briefs/example.md, README.md in .; pass --force to overwrite them\n');
    expect(existsSync(join(cwd, 'briefsmith.config.json'))).toBe(false);
    expect(existsSync(join(cwd, 'package.json'))).toBe(false);
    const forced = runCli(['init', '--force'], { cwd });
    expect(forced.status, forced.stderr).toBe(0);
    expect(readFileSync(join(cwd, 'README.md'), 'utf8')).not.toBe('OURS\n');
  });

  it('extends an existing package.json: its fields, scripts and briefsmith dependency win', () => {
    const cwd = temp();
    const existing = { name: 'ours', dependencies: { briefsmith: 'file:vendor/briefsmith-0.1.0.tgz', left: '1.0.0' }, scripts: { build: 'make' } };
    writeFileSync(join(cwd, 'package.json'), JSON.stringify(existing));
    const result = runCli(['init'], { cwd });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('updated package.json\n');
    const written = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'));
    expect(written).toMatchObject({ ...existing, scripts: { check: 'briefsmith check briefs', build: 'make', preview: 'briefsmith serve briefs' } });
    expect(Object.keys(written.dependencies)).toEqual(['briefsmith', 'left']);
    // A second init is refused for the other files, not for package.json.
    expect(runCli(['init'], { cwd }).stderr).not.toContain('package.json');
  });

  it('refuses a package.json it cannot read, and names it', () => {
    const cwd = temp();
    writeFileSync(join(cwd, 'package.json'), '{ nope');
    const result = runCli(['init'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^briefsmith: package\.json: not valid JSON .*fix or remove it/);
    expect(existsSync(join(cwd, 'README.md'))).toBe(false);
    expect(() => projectPackageJson('[]', { name: 'x', dependency: 'y', node: '>=20' })).toThrow(/not a JSON object/);
  });

  it('takes the dependency from --dependency and the name from the folder, made npm-safe', () => {
    const cwd = temp();
    const result = runCli(['init', 'Policy Unit Briefs', '--dependency', 'file:vendor/briefsmith-0.1.0.tgz'], { cwd });
    expect(result.status, result.stderr).toBe(0);
    const written = JSON.parse(readFileSync(join(cwd, 'Policy Unit Briefs', 'package.json'), 'utf8'));
    expect(written).toMatchObject({ name: 'policy-unit-briefs', dependencies: { briefsmith: 'file:vendor/briefsmith-0.1.0.tgz' } });
    expect(written.engines.node).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.node);
    expect([packageName('.Hidden__'), packageName('---'), packageName('Ünit 7')]).toEqual(['hidden', 'briefs', 'unit-7']);
  });

  it('leaves the example out with --no-example, for a repository that brings its own briefs', () => {
    const cwd = temp();
    const result = runCli(['init', '--no-example'], { cwd });
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(join(cwd, 'briefs', 'example.md'))).toBe(false);
    expect(existsSync(join(cwd, 'templates', 'README.md'))).toBe(true);
    expect(result.stdout).not.toContain('TODO');
  });
});

describe('the workflow init writes', () => {
  type Workflow = { on: Record<string, { paths?: string[] }>; jobs: Record<string, unknown> };
  const read = (path: string) => parse(readFileSync(path, 'utf8')) as Workflow;

  it("is briefsmith's own workflow for a repository with no built-ins of its own", () => {
    const own = read(join(root, '.github', 'workflows', 'briefs.yml'));
    const scaffolded = read(join(projectDefaultsDir, 'briefs.yml'));
    // The only differences: briefsmith's repository also watches and hashes its built-in templates.
    const withoutBuiltins = JSON.parse(
      JSON.stringify(own)
        .replaceAll("hashFiles('defaults/templates/**', 'templates/**')", "hashFiles('templates/**')")
        .replaceAll('"defaults/templates/**",', ''),
    ) as Workflow;
    expect(scaffolded).toEqual(withoutBuiltins);
    expect(JSON.stringify(scaffolded)).not.toContain('defaults');
    expect(scaffolded.on.push?.paths).toEqual(expect.arrayContaining(['briefs/**', 'templates/**', 'briefsmith.config.json', 'package-lock.json']));
  });
});
