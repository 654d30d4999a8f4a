/** An image without alt text is an error at its position: the PDF's Figure would have no /Alt (PDF/UA-1 §7.3). */
import { describe, expect, it } from 'vitest';
import { parseBrief, validateBrief } from '../src/index.js';
import { minimalBrief } from './helpers/project.js';

const withBody = (body: string) => minimalBrief.replace('## Timeline', `## Map\n\n${body}\n\n## Timeline`);
const altMessages = (text: string) => validateBrief(parseBrief(text, { path: 'map.md' })).file.messages.filter((message) => message.ruleId === 'image-alt');

describe('image-alt', () => {
  it('reports an image with empty or blank alt text where it stands, once each', () => {
    const text = withBody('![](img/a.png) and ![  ](img/b.png)');
    const line = text.split('\n').findIndex((row) => row.startsWith('![](')) + 1;
    const messages = altMessages(text);
    expect(messages.map((message) => [message.line, message.column, message.fatal])).toEqual([
      [line, 1, true],
      [line, 20, true],
    ]);
    expect(messages[0]!.reason).toBe('Unexpected image `img/a.png` without alt text, expected `![what it shows](img/a.png)`');
  });

  it('accepts an image with alt text, and a brief may turn the rule off', () => {
    expect(altMessages(withBody('![Map of the talks](img/a.png)'))).toEqual([]);
    expect(altMessages(withBody('![](img/a.png)').replace(/^---\n/, '---\nrules:\n  image-alt: off\n'))).toEqual([]);
  });
});
