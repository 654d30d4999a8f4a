/**
 * The structure of the sample brief's model (briefs/sharaa-moscow-2025-10.md), so that a later
 * change cannot silently drop a section: counts, required parts and their citations.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { split } from 'sentence-splitter';
import { describe, expect, it } from 'vitest';
import { parseBrief, validateBrief, problemsOf, type Brief } from '../src/index.js';
import { root } from './helpers/fixtures.js';

const path = 'briefs/sharaa-moscow-2025-10.md';
const { brief: validated, file } = validateBrief(parseBrief(readFileSync(join(root, path), 'utf8'), { path }));
const brief = validated as Brief;
const keys = (citations: Array<{ key: string }>) => citations.map((citation) => citation.key);

describe('the sample brief', () => {
  it('validates with no errors and no warnings', () => {
    expect(problemsOf([file])).toEqual([]);
    expect(validated).not.toBeNull();
  });

  it('has front matter with a 3–5 sentence bottom line and five dated sources', () => {
    expect(brief.meta).toMatchObject({ id: 'sharaa-moscow-2025-10', classification: 'UNCLASSIFIED — open sources' });
    expect(brief.meta.audience).toBeTruthy();
    const sentences = split(brief.meta.summary.replace(/\[@[^\]]*\]/g, '')).filter((node) => node.type === 'Sentence');
    expect(sentences.length).toBeGreaterThanOrEqual(3);
    expect(sentences.length).toBeLessThanOrEqual(5);
    expect(brief.sources).toHaveLength(5);
    for (const source of brief.sources) {
      expect(source.outlet && source.title && source.date && source.file).toBeTruthy();
      expect(source.url).toBeNull();
    }
  });

  it('has 4–7 graded, cited key judgments covering Assad, the bases, Damascus and the West', () => {
    expect(brief.keyJudgments.length).toBeGreaterThanOrEqual(4);
    expect(brief.keyJudgments.length).toBeLessThanOrEqual(7);
    for (const judgment of brief.keyJudgments) {
      expect(judgment.likelihood).toBeTruthy();
      expect(judgment.confidence).toBeTruthy();
      expect(judgment.citations.length).toBeGreaterThan(0);
    }
    expect(brief.keyJudgments.map((judgment) => judgment.id)).toEqual(
      expect.arrayContaining(['assad-handover', 'bases-retained', 'damascus-gains', 'damascus-risks', 'western-response']),
    );
  });

  it('has the four files of the Enab Baladi analyst and the bases, each complete and cited', () => {
    expect(brief.files.map((part) => part.id)).toEqual(
      expect.arrayContaining(['southern-syria', 'arming-the-army', 'economic-interests', 'foreign-fighters', 'bases']),
    );
    for (const part of brief.files) {
      expect(part.interests.map((interest) => interest.party)).toEqual(expect.arrayContaining(['Russia', 'Syria']));
      expect(part.state && part.outlook).toBeTruthy();
      expect(part.citations.length).toBeGreaterThan(0);
      for (const interest of part.interests) expect(interest.citations.length).toBeGreaterThan(0);
    }
  });

  it('has the extradition analysis: request, ≥6 instruments, grounds to refuse, obligations, positions, assessment', () => {
    expect(brief.legalAnalyses.map((analysis) => analysis.kind)).toEqual(['extradition']);
    const extradition = brief.legalAnalyses[0];
    if (!extradition) return;
    expect(extradition.request?.kind).toBe('request');
    expect(extradition.request?.citations.length).toBeGreaterThan(0);
    expect(extradition.instruments.length).toBeGreaterThanOrEqual(6);
    const kinds = new Set(extradition.instruments.map((instrument) => instrument.kind));
    for (const kind of ['treaty', 'decree', 'convention', 'principles', 'warrant'] as const) expect(kinds).toContain(kind);
    expect(extradition.instruments.filter((instrument) => instrument.kind === 'treaty').every((treaty) => treaty.signed && treaty.ratified)).toBe(true);
    expect(extradition.grounds.every((ground) => ground.side === 'against')).toBe(true);
    const exceptions = extradition.grounds.map((ground) => ground.text).join(' ');
    expect(exceptions).toMatch(/political/i);
    expect(exceptions).toMatch(/death/i);
    expect(extradition.obligations.map((obligation) => obligation.text).join(' ')).toMatch(/aut dedere aut judicare/);
    expect(extradition.positions.length).toBeGreaterThanOrEqual(3);
    expect(extradition.positions.map((position) => position.text).join(' ')).toMatch(/compensat/i);
    expect(extradition.assessment.likelihood).toBeTruthy();
    expect(extradition.assessment.citations.length).toBeGreaterThan(0);
  });

  it('has ≥7 Western or international reactions from distinct actors, each dated and cited', () => {
    const actors = brief.reactions.map((reaction) => reaction.actor);
    expect(new Set(actors).size).toBe(actors.length);
    expect(actors.length).toBeGreaterThanOrEqual(7);
    for (const pattern of [/State Department|administration/, /Congress/, /UN Secretary-General/, /Germany/, /France/, /United Kingdom/, /European Union/]) {
      expect(actors.some((actor) => pattern.test(actor))).toBe(true);
    }
    for (const reaction of brief.reactions) expect(reaction.citations.length).toBeGreaterThan(0);
    expect([...new Set(brief.reactions.map((reaction) => reaction.group))]).toEqual(['West', 'International organisations', 'Region']);
  });

  it('has ≥12 cited timeline events from December 2024 to late October 2025, in date order', () => {
    const dates = brief.timeline.map((event) => event.date);
    expect(dates.length).toBeGreaterThanOrEqual(12);
    expect(dates[0]?.startsWith('2024-12')).toBe(true);
    expect(dates.at(-1)! >= '2025-10-2').toBe(true);
    expect([...dates].sort()).toEqual(dates);
    for (const event of brief.timeline) expect(event.citations.length).toBeGreaterThan(0);
  });

  it('has ≥3 disagreements, each view cited', () => {
    expect(brief.disagreements.length).toBeGreaterThanOrEqual(3);
    for (const disagreement of brief.disagreements) {
      for (const view of disagreement.views) expect(view.citations.length).toBeGreaterThan(0);
    }
  });

  it('cites all five sources', () => {
    const cited = new Set([
      ...brief.keyJudgments.flatMap((part) => keys(part.citations)),
      ...brief.files.flatMap((part) => keys(part.citations)),
      ...brief.reactions.flatMap((part) => keys(part.citations)),
      ...brief.timeline.flatMap((part) => keys(part.citations)),
      ...brief.disagreements.flatMap((part) => keys(part.citations)),
    ]);
    expect([...cited].sort()).toEqual(brief.sources.map((source) => source.key).sort());
  });
});
