/**
 * The build's own process only plans, writes and publishes: the workers parse and render. Its
 * static imports (`import … from`, not `import type` and not `import()`) reach none of the
 * renderer's or the browser's libraries, so a CLI build does not load them twice; a module that
 * needs one on this thread imports it when it runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const heavy = ['handlebars', 'unified', 'puppeteer-core', 'micromark', 'mdast-util-to-markdown', 'mdast-util-to-hast', 'satteri', 'docx', 'pdf-lib'];

/** Every package reached by static imports from `entry`, with one chain of modules to each. */
function packagesReached(entry: string): Map<string, string[]> {
  const reached = new Map<string, string[]>();
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/^(import|export)\s+(?!type\s)[^;]*?from\s+'([^']+)'|^import\s+'([^']+)'/gm)) {
      const specifier = match[2] ?? match[3]!;
      if (!specifier.startsWith('.')) {
        const name = specifier
          .split('/')
          .slice(0, specifier.startsWith('@') ? 2 : 1)
          .join('/');
        if (!reached.has(name)) reached.set(name, [...chain, file]);
        continue;
      }
      const source = resolve(dirname(file), specifier.replace(/\.js$/, '.ts'));
      if (existsSync(source)) walk(source, [...chain, file]);
    }
  };
  walk(join(root, entry), []);
  return reached;
}

describe("the build's own process", () => {
  it('imports no renderer, parser or browser library statically', () => {
    const reached = packagesReached('src/cli/commands/build.ts');
    const found = heavy
      .filter((name) => reached.has(name))
      .map(
        (name) =>
          `${name}: ${reached
            .get(name)!
            .map((file) => file.slice(root.length + 1))
            .join(' → ')}`,
      );
    expect(found).toEqual([]);
    // The walk itself sees the packages the build does import.
    expect(reached.has('zod')).toBe(true);
  });
});
