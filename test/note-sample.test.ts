/**
 * The second sample (briefs/russian-bases-2025-10.md): a short note with no legal analysis, every
 * paragraph cited, its quotes verified against ../shared/sources when that folder is there.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBriefs } from '../src/index.js';
import { root } from './helpers/fixtures.js';

const sources = join(root, '..', '..', 'shared', 'sources');
const path = join(root, 'briefs', 'russian-bases-2025-10.md');

describe('the note on the Russian bases', () => {
  it('checks clean, with judgments and no legal analysis or reactions', async () => {
    const [loaded] = await loadBriefs({ paths: [path], cwd: root });
    expect(loaded?.file.messages.map(String).filter((message) => !message.includes('`layout`'))).toEqual([]);
    expect(loaded?.brief?.keyJudgments.length).toBeGreaterThanOrEqual(3);
    expect([loaded?.brief?.legalAnalyses.length, loaded?.brief?.reactions.length, loaded?.brief?.files.length]).toEqual([0, 0, 0]);
  });

  it.skipIf(!existsSync(sources))('has every quote character-exact in its source', async () => {
    const [loaded] = await loadBriefs({ paths: [path], cwd: root, sourcesDir: sources });
    expect(loaded?.file.messages.map(String).filter((message) => !message.includes('`layout`'))).toEqual([]);
    expect(loaded?.quotesVerified).toBe(loaded?.quotes);
    expect(loaded?.quotes).toBeGreaterThanOrEqual(5);
  });
});
