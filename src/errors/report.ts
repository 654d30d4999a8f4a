/** Turns catalogue entries into vfile messages, the one shape every content problem takes. */
import type { Position, Point } from 'unist';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { closest, distance } from 'fastest-levenshtein';
import { catalogue, type Details, type DetailsOf, type RuleEntry, type RuleId } from './catalogue/index.js';

/** Reports a content problem on `file` at `place` (a point or a range), with the details its entry declares. */
export function report<R extends RuleId>(
  file: VFile,
  ruleId: R,
  place: Position | Point | undefined,
  ...[details]: keyof DetailsOf<R> extends never ? [details?: Record<string, never>] : [details: DetailsOf<R>]
): VFileMessage {
  // Each entry's functions take exactly its own details; the union of entries cannot say so.
  const rule = catalogue[ruleId] as unknown as RuleEntry<string>;
  const given = (details ?? {}) as Details<string>;
  const message = file.message(rule.message(given), { place, ruleId, source: 'briefsmith' });
  message.fatal = rule.severity === 'error';
  message.note = typeof rule.hint === 'function' ? rule.hint(given) : rule.hint;
  return message;
}

/** The candidate close enough to `value` to be a likely typo of it, if any. */
export function likelyMeant(value: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(value, candidates as string[]);
  return distance(value, best) <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

/** " (did you mean `x`?)" when a candidate is close enough to be a likely typo, else "". */
export function didYouMean(value: string, candidates: readonly string[]): string {
  const best = likelyMeant(value, candidates);
  return best === undefined ? '' : ` (did you mean \`${best}\`?)`;
}

/** "`a`, `b` or `c`" for messages. */
export function listOf(values: readonly string[]): string {
  const quoted = values.map((value) => `\`${value}\``);
  return quoted.length <= 1 ? (quoted[0] ?? 'nothing') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

/** Rules a brief cannot turn off or downgrade (`silenceable: false` in the catalogue). */
export const lockedRules: ReadonlySet<string> = new Set(
  Object.entries(catalogue)
    .filter(([, rule]) => !rule.silenceable)
    .map(([id]) => id),
);

/** Applies a brief's `rules:` settings: drops messages of rules turned off, re-grades the others. */
export function applyRuleSettings(file: VFile, settings: Record<string, 'off' | 'warning' | 'error'>): void {
  file.messages = file.messages.filter((message) => {
    const setting = message.ruleId && !lockedRules.has(message.ruleId) ? settings[message.ruleId] : undefined;
    if (setting === 'off') return false;
    if (setting) message.fatal = setting === 'error';
    return true;
  });
}
