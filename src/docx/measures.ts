/** Likelihood and confidence as labelled, styled runs (key judgments and assessments). */
import { Paragraph, TextRun } from 'docx';
import { commonHelpers } from '../render/helpers/common.js';
import type { Confidence, Likelihood } from '../types.js';
import { styleIds } from './style-ids.js';

const capitalised = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);

/** "LIKELIHOOD Very unlikely (05–20%)   CONFIDENCE High"; null when neither is stated. */
export function measuresParagraph(likelihood: Likelihood | null, confidence: Confidence | null): Paragraph | null {
  if (!likelihood && !confidence) return null;
  const children: TextRun[] = [];
  if (likelihood) {
    children.push(new TextRun({ text: 'Likelihood ', style: styleIds.measureLabel }));
    children.push(new TextRun({ text: `${capitalised(likelihood)} (${commonHelpers['likelihood-range'](likelihood)})`, style: styleIds.likelihood }));
  }
  if (confidence) {
    children.push(new TextRun({ text: `${likelihood ? '     ' : ''}Confidence `, style: styleIds.measureLabel }));
    children.push(new TextRun({ text: `${capitalised(confidence)} confidence`, style: styleIds.confidence }));
  }
  return new Paragraph({ style: styleIds.judgmentMeasures, children });
}
