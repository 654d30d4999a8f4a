/** `build --since`: the "Changes since <date>" section, from a previous publication. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBriefs, parseBrief, validateBrief, type BuildEvent } from '../src/index.js';
import { diffBriefs } from '../src/publish/model-diff.js';
import { expectGolden, fixturesDir } from './helpers/fixtures.js';
import { makeProject } from './helpers/project.js';

const dir = join(fixturesDir, 'since');
const model = (name: string) => validateBrief(parseBrief(readFileSync(join(dir, name), 'utf8'), { path: name })).brief!;

describe('changes since the last publication', () => {
  it('describes the difference in brief terms', () => {
    const changes = diffBriefs(model('old.md'), model('new.md'))!;
    expect(changes.summary).toBe(
      '1 revised bottom line, 1 judgment added, 1 judgment withdrawn, 1 likelihood changed, 1 reaction changed, 1 new reaction, 1 new event, 1 file changed',
    );
    expect(changes.view).toEqual({
      since: '2025-10-20',
      groups: [
        { title: 'Bottom line', items: ['The bottom line up front has been revised.'] },
        {
          title: 'Key judgments',
          items: [
            'New KJ2: “New sanctions will follow the talks.” — likely, high confidence',
            'Withdrawn: “Russia will give up its bases.”',
            'KJ1 “The talks will continue into next year.”: likely → very likely',
          ],
        },
        {
          title: 'Reactions',
          items: ['United States (16 October 2025): cautious → critical', 'New: United Kingdom (17 October 2025), welcoming: “London welcomed the talks.”'],
        },
        { title: 'Timeline', items: ['15 October 2025: Second meeting.'] },
        { title: 'Files', items: ['Ports: state of play updated'] },
      ],
    });
    expect(diffBriefs(model('new.md'), model('new.md'))).toBeNull();
  });

  it('adds the section after the bottom line and prints a summary', async () => {
    const previous = makeProject({ 'briefs/talks.md': readFileSync(join(dir, 'old.md'), 'utf8') });
    await buildBriefs({ cwd: previous, formats: ['md', 'json'] });
    const cwd = makeProject({ 'briefs/talks.md': readFileSync(join(dir, 'new.md'), 'utf8') });
    const events: BuildEvent[] = [];
    for (const since of [join(previous, 'out'), join(previous, 'out', 'manifest.json')]) {
      await buildBriefs({ cwd, formats: ['md', 'html'], since, force: true, onEvent: (event) => events.push(event) });
      const md = readFileSync(join(cwd, 'out', 'talks-brief.md'), 'utf8');
      expectGolden(md, join(dir, 'expected.md'));
      expect(md.indexOf('## Changes since 20 October 2025')).toBeGreaterThan(md.indexOf('## Bottom line up front'));
      expect(md.indexOf('## Changes since')).toBeLessThan(md.indexOf('## Key judgments'));
      const html = readFileSync(join(cwd, 'out', 'talks-brief.html'), 'utf8');
      expect(html).toContain('<h2 id="changes-title">Changes since <time datetime="2025-10-20">20 October 2025</time></h2>');
      expect(html).toContain('<li>KJ1 “The talks will continue into next year.”: likely → very likely</li>');
    }
    expect(events.filter((event) => event.type === 'changes')).toEqual([
      { type: 'changes', id: 'talks-brief', since: '2025-10-20', summary: expect.stringContaining('1 likelihood changed') },
      { type: 'changes', id: 'talks-brief', since: '2025-10-20', summary: expect.stringContaining('1 new event') },
    ]);
    // Without --since, no section.
    await buildBriefs({ cwd, formats: ['md'] });
    expect(readFileSync(join(cwd, 'out', 'talks-brief.md'), 'utf8')).not.toContain('Changes since');
  });

  it('rejects a --since that is not a publication (exit 2)', async () => {
    const cwd = makeProject({ 'briefs/talks.md': readFileSync(join(dir, 'new.md'), 'utf8'), 'x.json': '{}' });
    await expect(buildBriefs({ cwd, since: 'nowhere' })).rejects.toMatchObject({ exitCode: 2, message: '--since: no such file or directory: nowhere' });
    await expect(buildBriefs({ cwd, since: 'x.json' })).rejects.toMatchObject({ exitCode: 2, message: '--since: x.json is not a briefsmith manifest.json' });
  });
});
