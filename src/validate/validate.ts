/** Draft → Brief: the schema check plus every lint rule, all problems reported in one pass. */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { parseFragment } from '../source/processor.js';
import { briefSchemaFor } from '../model/declared-fields.js';
import type { ParsedBrief } from '../model/parse-brief.js';
import type { Fragments } from '../model/fragments.js';
import { applyRuleSettings } from '../errors/report.js';
import type { Brief } from '../types.js';
import { reportSchemaIssues, frontMatterRules } from './schema-issues.js';
import { checkCitations } from './rules/citations.js';
import { checkDuplicateIds, checkPlaceholders, checkTimelineOrder } from './rules/structure.js';
import { checkJudgments, checkProse } from './rules/analytic.js';
import { checkLinks } from './rules/links.js';
import { checkFootnotes } from './rules/footnotes.js';
import { checkSections } from './rules/sections.js';
import { verifyQuotes, type SourceText } from './quotes.js';
import { markFlawed } from './flawed.js';

export interface ValidateOptions {
  /** Reads a source's text for quote verification; without it quotes are not checked. */
  readSource?: (key: string) => SourceText;
  /** Checks a local image the brief shows: why it cannot be used, or null (without it only the path's shape is checked). */
  checkImage?: (url: string) => string | null;
}

export interface ValidatedBrief {
  /** The typed brief, only when it has no errors: the one model that may be rendered. */
  brief: Brief | null;
  /**
   * The typed model even when the brief has errors (null when the schema refuses it), for tools
   * that show what was read. `renderBrief` refuses it while the brief has errors.
   */
  partial: Brief | null;
  file: VFile;
  /** Quotes verified against their sources (0 when no reader was given). */
  quotesVerified: number;
  /** The tree of each Markdown field as parsed with the brief, for `renderBrief`'s `fragments` option. */
  fragments: Fragments;
}

/** The tree of the front matter's Markdown field (`summary`), parsed as the renderer will; null without one. */
export function frontMatterMarkdown(parsed: ParsedBrief): Root | null {
  const summary = (parsed.draft.meta as { summary?: unknown } | undefined)?.summary;
  return typeof summary === 'string' && summary !== '' ? parseFragment(summary) : null;
}

/** True when `file` has an error (a fatal message). */
export function hasErrors(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true);
}

/**
 * Validates a parsed brief. Every problem is added to `parsed.file.messages`; content problems
 * never throw. Returns the typed brief only when there are no errors (see `partial`).
 */
export function validateBrief(parsed: ParsedBrief, options: ValidateOptions = {}): ValidatedBrief {
  const { file, tree, places } = parsed;
  // The draft is unchecked input: each rule reads it defensively.
  // biome-ignore lint/suspicious/noExplicitAny: the draft is unchecked input, read defensively by each rule
  const draft = parsed.draft as Record<string, any>;
  const result = briefSchemaFor(parsed.fields).safeParse(parsed.draft, { reportInput: true });
  if (!result.success && Object.keys(parsed.draft).length > 0) reportSchemaIssues(file, result.error.issues, places, parsed.fields);
  // A value the schema refused is reported once, there; later rules do not reason with it.
  const failed = new Set(result.success ? [] : result.error.issues.map((issue) => issue.path.map(String).join('.')));
  // Without its front matter a brief has no sources: checking citations and quotes against
  // none would bury the one real error under a false one per citation.
  const frontMatterError = file.messages.find((message) => message.fatal && frontMatterRules.has(message.ruleId ?? ''));
  if (frontMatterError)
    frontMatterError.note = `${frontMatterError.note ?? ''} Citations, sources and quotes are checked once the front matter can be read.`.trim();
  else checkCitations(file, tree, draft, places, failed);
  checkDuplicateIds(file, draft, places);
  checkTimelineOrder(file, draft, places, failed);
  checkSections(file, draft);
  checkJudgments(file, draft.keyJudgments, places);
  checkProse(file, tree);
  checkLinks(file, tree, options.checkImage);
  checkFootnotes(file, tree);
  const summary = frontMatterMarkdown(parsed);
  if (summary) checkLinks(file, summary, options.checkImage, places.get('meta.summary'));
  checkPlaceholders(file);
  const quotesVerified = options.readSource && !frontMatterError ? verifyQuotes(file, draft, places, options.readSource) : 0;
  const rules = (parsed.draft.meta as { rules?: Record<string, 'off' | 'warning' | 'error'> } | undefined)?.rules;
  if (rules && typeof rules === 'object') applyRuleSettings(file, rules);
  file.messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  const partial = result.success ? result.data : null;
  const errors = file.messages.filter((message) => message.fatal === true).length;
  if (partial && errors > 0) markFlawed(partial, errors);
  return { brief: errors > 0 ? null : partial, partial, file, quotesVerified, fragments: parsed.fragments };
}
