/**
 * The analytic-standards lint beyond its error fixtures: which words count as likelihood
 * expressions (ICD 203) and which do not, and per-brief `rules:` settings.
 */
import { describe, expect, it } from 'vitest';
import { parseBrief, validateBrief, problemsOf } from '../src/index.js';
import { confidenceMention, likelihoodMentions } from '../src/validate/rules/likelihood-words.js';

const grades = (text: string) => likelihoodMentions(text).map((mention) => `${mention.words}=${mention.likelihood}`);

describe('likelihood words', () => {
  it('maps every ICD 203 term and its synonym to the scale', () => {
    expect(grades('almost no chance; a remote possibility')).toEqual(['almost no chance=almost no chance', 'remote possibility=almost no chance']);
    expect(grades('very unlikely; highly improbable; highly unlikely')).toEqual([
      'very unlikely=very unlikely',
      'highly improbable=very unlikely',
      'highly unlikely=very unlikely',
    ]);
    expect(grades('unlikely; improbable')).toEqual(['unlikely=unlikely', 'improbable=unlikely']);
    expect(grades('roughly even chance; roughly even odds')).toEqual(['roughly even chance=roughly even chance', 'roughly even odds=roughly even chance']);
    expect(grades('likely; probable; probably')).toEqual(['likely=likely', 'probable=likely', 'probably=likely']);
    expect(grades('very likely; highly probable')).toEqual(['very likely=very likely', 'highly probable=very likely']);
    expect(grades('almost certainly; nearly certain')).toEqual(['almost certainly=almost certain', 'nearly certain=almost certain']);
  });

  it('gives the offset of the words, across a line break', () => {
    expect(likelihoodMentions('Russia is very\nunlikely to agree.')).toEqual([{ words: 'very\nunlikely', likelihood: 'very unlikely', index: 10 }]);
  });

  it('does not read "likely" inside "unlikely", comparatives, negations or fixed expressions', () => {
    expect(grades('It is Unlikely.')).toEqual(['Unlikely=unlikely']);
    expect(grades('more likely than not; less likely; the most likely outcome; as likely as not')).toEqual([]);
    expect(grades('not likely; no more probable')).toEqual([]);
    expect(grades('There was probable cause for the warrant.')).toEqual([]);
    expect(grades('a remote area; remote sensing; the likelihood of talks')).toEqual([]);
  });

  it('ignores citations, quotes and attributes, which are not the author’s words', () => {
    expect(grades('Moscow agreed [@likely-source] :q[very likely]{source=x} “almost certain” "probably" {likelihood=likely}.')).toEqual([]);
  });

  it('finds confidence phrases', () => {
    expect(confidenceMention('We have high confidence in this')?.words).toBe('high confidence');
    expect(confidenceMention('a moderate-confidence call')?.words).toBe('moderate-confidence');
    expect(confidenceMention('we are fairly confident that')?.words).toBe('we are fairly confident');
    expect(confidenceMention('confidence is low')?.words).toBe('confidence is low');
    expect(confidenceMention('building confidence between the parties')).toBeUndefined();
  });
});

const brief = (rules: string, body: string) => `---
id: rules-case
title: Rules case
date: 2025-10-28
classification: UNCLASSIFIED
summary: A summary. [@alpha]
${rules}sources:
  alpha: { outlet: Alpha News, title: Alpha report, date: 2025-10-15 }
---

${body}
`;

const problems = (text: string) =>
  problemsOf([validateBrief(parseBrief(text, { path: 'case.md' })).file]).map(
    (problem) => `${problem.line}:${problem.column} ${problem.severity} ${problem.ruleId}`,
  );

describe('per-brief rule settings', () => {
  const body = '## Body\n\nNo source here.\n\nLikely, with high confidence, it stays. [@alpha]';

  it('reports both analytic warnings by default, the mixed one at its sentence', () => {
    expect(problems(brief('', body))).toEqual(['13:1 warning uncited-paragraph', '15:1 warning likelihood-confidence-mixed']);
  });

  it('turns a rule off', () => {
    expect(problems(brief('rules: { uncited-paragraph: off }\n', body))).toEqual(['16:1 warning likelihood-confidence-mixed']);
  });

  it('re-grades a warning as an error', () => {
    const text = brief('rules:\n  uncited-paragraph: error\n  likelihood-confidence-mixed: off\n', body);
    expect(problems(text)).toEqual(['16:1 error uncited-paragraph']);
    const { file } = validateBrief(parseBrief(text, { path: 'case.md' }));
    expect(file.messages.some((message) => message.fatal === true)).toBe(true);
  });

  it('exempts reference sections and list lead-ins, but not the prose before the first heading', () => {
    const text = brief('', 'Opening claim.\n\n## Key points\n\nThree points:\n\n- One. [@alpha]\n\n## References\n\nA note on method.');
    expect(problems(text)).toEqual(['11:1 warning uncited-paragraph']);
  });
});
