/**
 * The CI workflow (.github/workflows/briefs.yml) and its CLI steps, run here as .ci/run runs the
 * suite: check with GitHub annotations, then two builds sharing a cache, the second a no-op.
 * PDF is left out so the suite needs no Chromium; the cache logic does not depend on the format.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from './helpers/cli.js';
import { root } from './helpers/fixtures.js';

interface Step { name?: string; uses?: string; run?: string; with?: Record<string, string> }

describe('CI workflow', () => {
  const workflow = parse(readFileSync(join(root, '.github', 'workflows', 'briefs.yml'), 'utf8')) as { jobs: { build: { steps: Step[] } } };
  const steps = workflow.jobs.build.steps;
  const runs = steps.map((step) => step.run ?? '').join('\n');

  it('installs Chromium from the OS packages, checks, builds with the cache and uploads out/', () => {
    expect(runs).toContain('apt-get install -y --no-install-recommends chromium-headless-shell');
    expect(runs).toMatch(/^npm ci$/m);
    expect(runs).toContain('npx briefsmith check briefs --reporter github');
    expect(runs).toContain('npx briefsmith build briefs --out out');
    const order = ['chromium-headless-shell', 'npm ci', 'check briefs', 'actions/cache', 'build briefs', 'actions/upload-artifact']
      .map((marker) => steps.findIndex((step) => `${step.run ?? ''}${step.uses ?? ''}`.includes(marker)));
    expect(order).toEqual([...order].sort((left, right) => left - right));
    expect(order).not.toContain(-1);
    expect(steps.find((step) => step.uses?.startsWith('actions/cache'))?.with?.path).toBe('out');
    expect(steps.find((step) => step.uses?.startsWith('actions/upload-artifact'))?.with?.path).toContain('!out/.cache');
  });

  it('its CLI steps pass on the sample briefs, and a second build rebuilds nothing', () => {
    const check = runCli(['check', 'briefs', '--reporter', 'github']);
    expect(check.status).toBe(0);
    expect(check.stdout).not.toMatch(/^::error/m);
    const out = mkdtempSync(join(tmpdir(), 'bs-ci-'));
    const first = runCli(['build', 'briefs', '--out', out, '--format', 'md,html,json']);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^built 2, unchanged 0 \(6 files written\) in \d+\.\d\d s$/m);
    const second = runCli(['build', 'briefs', '--out', out, '--format', 'md,html,json']);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/^built 0, unchanged 2 \(0 files written\) in \d+\.\d\d s$/m);
    expect(second.stdout).not.toMatch(/^wrote /m);
  });
});
