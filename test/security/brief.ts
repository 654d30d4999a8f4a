/** Builds small valid briefs around hostile content, and runs them through the library. */
import { parseBrief, validateBrief, renderBrief, problemsOf } from '../../src/index.js';
import type { Brief } from '../../src/index.js';
import type { ParseOptions } from '../../src/model/parse-brief.js';

export interface BriefParts {
  id?: string;
  /** Extra front matter lines (YAML), added before `sources:`. */
  front?: string;
  /** Body Markdown, after a cited key judgment. */
  body?: string;
  summary?: string;
  title?: string;
}

/** A complete brief that validates without errors unless `parts` add some. */
export function briefText(parts: BriefParts = {}): string {
  return [
    '---',
    `id: ${parts.id ?? 'hostile-brief'}`,
    `title: ${JSON.stringify(parts.title ?? 'A hostile brief')}`,
    'date: 2025-10-28',
    'classification: UNCLASSIFIED',
    `summary: ${JSON.stringify(parts.summary ?? 'A summary. [@alpha]')}`,
    ...(parts.front ? [parts.front] : []),
    'sources:',
    '  alpha:',
    '    outlet: Alpha News',
    '    title: Alpha report',
    '    date: 2025-10-15',
    '---',
    '',
    '## Key judgments',
    '',
    ':::judgment{likelihood=likely confidence=moderate}',
    'The talks will continue. [@alpha]',
    ':::',
    '',
    '## Body',
    '',
    parts.body ?? 'Plain prose. [@alpha]',
    '',
  ].join('\n');
}

/** Parses and validates; returns the brief (or null) and every problem as `line:column rule`. */
export function check(text: string, options: ParseOptions = {}) {
  const parsed = parseBrief(text, { path: 'input.md', ...options });
  const { brief, file } = validateBrief(parsed);
  const problems = problemsOf([file]);
  return { parsed, brief, file, problems, rules: problems.map((problem) => problem.ruleId) };
}

/** Parses, validates and renders md, html and json; throws if the brief has errors. */
export async function renderText(text: string): Promise<{ brief: Brief; md: string; html: string; json: string }> {
  const { brief, problems } = check(text);
  if (!brief || problems.some((problem) => problem.severity === 'error')) {
    throw new Error(`brief has errors: ${problems.map((problem) => `${problem.line}:${problem.column} ${problem.ruleId} ${problem.message}`).join('\n')}`);
  }
  return {
    brief,
    md: await renderBrief(brief, 'md'),
    html: await renderBrief(brief, 'html'),
    json: await renderBrief(brief, 'json'),
  };
}
