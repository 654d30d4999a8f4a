import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// Biome's formatter and linter, run as a test so that an unformatted file or a lint finding counts as a failure in `npm test`.
const biome = createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome');

function check(): { code: number; output: string } {
  try {
    return { code: 0, output: execFileSync(process.execPath, [biome, 'check', '--max-diagnostics=50', '.'], { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { code: failed.status, output: `${failed.stdout}${failed.stderr}` };
  }
}

describe('formatting and lint (Biome)', () => {
  it('finds the tree formatted and nothing to lint', () => {
    const result = check();
    expect(result.output, result.output).not.toMatch(/Found \d+ (error|warning)/);
    expect(result.code, result.output).toBe(0);
  });
});
