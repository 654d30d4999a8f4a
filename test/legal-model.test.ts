/** The general legal analysis and grouped reactions (schema version 2), and reading version-1 models. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBrief, validateBrief, briefSchema } from '../src/index.js';
import { buildView } from '../src/render/view.js';
import { upgradeModel } from '../src/model/upgrade.js';
import { fixturesDir } from './helpers/fixtures.js';

const frontMatter = `---
id: legal-test
title: Legal test
date: 2026-03-10
classification: UNCLASSIFIED
summary: Two questions. [@alpha]
sources:
  alpha:
    outlet: Alpha News
    title: Alpha report
    date: 2026-03-01
---
`;
const analysis = (opening: string) => `${opening}
::::assessment{likelihood=unlikely confidence=low}
Unlikely. [@alpha]
::::
:::::
`;
const validate = (body: string) => validateBrief(parseBrief(`${frontMatter}\n${body}`, { path: 'legal.md' }));

describe('legal analyses', () => {
  it('takes any number per brief, each with its own kind and id, in order', () => {
    const { brief, file } = validate(
      `## Questions\n\n${analysis(':::::legal{kind=sanctions question="Will the listing stand?"}')}\n${analysis(':::::extradition{subject="A. N. Other"}')}`,
    );
    expect(file.messages.map(String)).toEqual([]);
    expect(brief?.legalAnalyses.map((part) => [part.id, part.kind, part.question, part.subject])).toEqual([
      ['legal-1', 'sanctions', 'Will the listing stand?', null],
      ['legal-2', 'extradition', null, 'A. N. Other'],
    ]);
    expect(brief?.sections[0]?.blocks.map((block) => [block.kind, block.index])).toEqual([
      ['legal', 0],
      ['legal', 1],
    ]);
  });

  it('reads `exception` as a ground against and keeps `ground{side=for}` apart in the view', () => {
    const { brief } = validate(analysis(':::::legal{kind=other}\n::::exception\nAgainst. [@alpha]\n::::\n\n::::ground{side=for}\nFor. [@alpha]\n::::'));
    expect(brief?.legalAnalyses[0]?.grounds.map((ground) => ground.side)).toEqual(['against', 'for']);
    const view = buildView(brief!, { generator: 'test' });
    const item = view.sections[0]?.blocks[0]?.items[0] as { groundsFor: unknown[]; groundsAgainst: unknown[] };
    expect([item.groundsFor.length, item.groundsAgainst.length]).toEqual([1, 1]);
  });

  it('reports two analyses with the same id at the second id', () => {
    const { file } = validate(`${analysis(':::::legal{kind=other id=same}')}\n${analysis(':::::legal{kind=other id=same}')}`);
    expect(file.messages.map(String)).toEqual(['legal.md:20:26-20:30: Unexpected duplicate legal analysis id `same`, expected each to be unique']);
  });
});

describe('reaction groups', () => {
  it('groups a run of reactions by group, each where its first reaction stands', () => {
    const reaction = (actor: string, group: string) =>
      `:::reaction{actor="${actor}" stance=silent date=2026-03-02${group ? ` group="${group}"` : ''}}\nSaid nothing. [@alpha]\n:::\n`;
    const { brief } = validate(['## Reactions', reaction('A', 'West'), reaction('B', 'Region'), reaction('C', 'West'), reaction('D', '')].join('\n'));
    const block = buildView(brief!, { generator: 'test' }).sections[0]?.blocks[0] as {
      groups: Array<{ name: string | null; items: Array<{ actor: string }> }>;
    };
    expect(block.groups.map((group) => [group.name, group.items.map((item) => item.actor)])).toEqual([
      ['West', ['A', 'C']],
      ['Region', ['B']],
      [null, ['D']],
    ]);
  });
});

describe('models of schema version 1', () => {
  it('read as version 2, equal to what the same brief gives today', () => {
    const old = JSON.parse(readFileSync(join(fixturesDir, 'model-v1', 'full.json'), 'utf8')) as Record<string, unknown>;
    expect(old.schemaVersion).toBeUndefined();
    const upgraded = briefSchema.parse(upgradeModel(old));
    const current = JSON.parse(readFileSync(join(fixturesDir, 'full', 'expected.json'), 'utf8')) as { meta: object };
    // The fixture has since chosen `contents: always`, a field version 1 did not have.
    expect(upgraded).toEqual({ ...current, meta: { ...current.meta, contents: 'auto' } });
  });

  it('leaves a current model as it is', () => {
    const current = JSON.parse(readFileSync(join(fixturesDir, 'full', 'expected.json'), 'utf8')) as unknown;
    expect(upgradeModel(current)).toBe(current);
  });
});
