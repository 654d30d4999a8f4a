/**
 * The parsed Markdown fields travel explicitly: validateBrief hands them out, renderBrief takes
 * them as an option, and a build job keeps them on its own thread (its result carries none).
 */
import { join } from 'node:path';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { runBriefJob } from '../src/engine/brief-job.js';
import { parseBrief, renderBrief, validateBrief } from '../src/index.js';
import { fullBrief, makeProject } from './helpers/project.js';

const validated = validateBrief(parseBrief(fullBrief, { path: 'full.md' }));
const brief = validated.brief!;
const statement = brief.keyJudgments[0]!.statement;

/** The trees with the first judgment's statement replaced by one paragraph of `text`. */
function withStatement(text: string): Map<string, Root> {
  const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] };
  return new Map([...validated.fragments, [statement, tree]]);
}

describe('parsed fragments', () => {
  it('come out of validation: a tree for each Markdown field, by its text', () => {
    expect(validated.fragments.get(statement)?.type).toBe('root');
    expect(validated.fragments.size).toBeGreaterThan(brief.keyJudgments.length);
  });

  it('are what the renderer renders when given, for every text format', async () => {
    const fragments = withStatement('Rendered from the given tree');
    // Rendered fields are cached per brief id (field-cache.ts): each render gets an id of its own.
    const copy = (id: string) => ({ ...brief, meta: { ...brief.meta, id } });
    for (const format of ['html', 'md'] as const) {
      expect(await renderBrief(copy(`given-${format}`), format, { fragments, generator: 'test' }), format).toContain('Rendered from the given tree');
      expect(await renderBrief(copy(`none-${format}`), format, { generator: 'test' }), format).not.toContain('Rendered from the given tree');
    }
  });

  it('stay on the thread that parsed the brief: a build job result carries none', async () => {
    const cwd = makeProject({ 'briefs/full.md': fullBrief });
    const result = await runBriefJob({ build: 'test', path: join(cwd, 'briefs', 'full.md'), cwd, formats: ['md'] });
    expect(result.brief).not.toBeNull();
    expect(Object.keys(result)).not.toContain('fragments');
    expect(result.outputs.map((output) => output.format)).toEqual(['md']);
  });
});
