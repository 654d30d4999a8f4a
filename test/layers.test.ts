/**
 * Stage order and no cycles, type-only imports included, checked by dependency-cruiser on src/
 * with the rules of .dependency-cruiser.cjs.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cruise } from 'dependency-cruiser';
import { expect, it } from 'vitest';
import { root } from './helpers/fixtures.js';

const config = createRequire(import.meta.url)(join(root, '.dependency-cruiser.cjs')) as { forbidden: unknown[]; options: object };

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
  cycle?: Array<{ name: string }>;
}

async function violationsIn(paths: string[]): Promise<string[]> {
  const previous = process.cwd();
  process.chdir(root);
  try {
    const result = await cruise(paths, { ...config.options, validate: true, ruleSet: { forbidden: config.forbidden } as never, outputType: 'json' });
    const output = JSON.parse(String(result.output)) as { summary: { violations: Violation[]; totalCruised: number } };
    expect(output.summary.totalCruised).toBeGreaterThan(50);
    return output.summary.violations.map(
      (item) => `${item.rule.name}: ${item.from} → ${item.cycle ? item.cycle.map((step) => step.name).join(' → ') : item.to}`,
    );
  } finally {
    process.chdir(previous);
  }
}

it('imports run only from later stages to earlier ones, with no cycles', async () => {
  expect(await violationsIn(['src'])).toEqual([]);
}, 60_000);
