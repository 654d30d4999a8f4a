/** Turns catalogue entries into vfile messages, the one shape every content problem takes. */
import type { Position, Point } from 'unist';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { closest, distance } from 'fastest-levenshtein';
import { catalogue, type RuleId } from './catalogue.js';

/** Reports a content problem on `file` at `place` (a point or a range). */
export function report(
  file: VFile,
  ruleId: RuleId,
  place: Position | Point | undefined,
  details: Record<string, string> = {},
): VFileMessage {
  const rule = catalogue[ruleId];
  const message = file.message(rule.message(details), { place, ruleId, source: 'briefsmith' });
  message.fatal = rule.severity === 'error';
  message.note = typeof rule.hint === 'function' ? rule.hint(details) : rule.hint;
  return message;
}

/** " (did you mean `x`?)" when a candidate is close enough to be a likely typo, else "". */
export function didYouMean(value: string, candidates: readonly string[]): string {
  if (candidates.length === 0) return '';
  const best = closest(value, candidates as string[]);
  return distance(value, best) <= Math.max(2, Math.floor(best.length / 3)) ? ` (did you mean \`${best}\`?)` : '';
}

/** "`a`, `b` or `c`" for messages. */
export function listOf(values: readonly string[]): string {
  const quoted = values.map((value) => `\`${value}\``);
  return quoted.length <= 1 ? (quoted[0] ?? 'nothing') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

/**
 * Rules a brief cannot turn off or downgrade: they mean the model itself could not be built
 * (or is unsafe), so silencing them would only hide why the brief was not rendered.
 */
export const lockedRules: ReadonlySet<string> = new Set([
  'frontmatter-missing', 'frontmatter-unclosed', 'frontmatter-engine', 'yaml-syntax', 'yaml-unsafe',
  'missing-field', 'invalid-value', 'unknown-directive', 'misplaced-directive', 'duplicate-id', 'duplicate-part',
  'unresolved-citation', 'malformed-citation', 'unclosed-directive', 'same-colon-nesting', 'stray-fence', 'malformed-directive', 'unsafe-link', 'unsafe-image', 'limit-exceeded', 'template-error',
]);

/** Applies a brief's `rules:` settings: drops messages of rules turned off, re-grades the others. */
export function applyRuleSettings(file: VFile, settings: Record<string, 'off' | 'warning' | 'error'>): void {
  file.messages = file.messages.filter((message) => {
    const setting = message.ruleId && !lockedRules.has(message.ruleId) ? settings[message.ruleId] : undefined;
    if (setting === 'off') return false;
    if (setting) message.fatal = setting === 'error';
    return true;
  });
}
