/** The shape of one catalogue entry, and `rule()`, which keeps the types of its details. */
export type Severity = 'error' | 'warning';

/** The details an occurrence gives: `name` is required, `name?` may be left out. */
export type Details<D extends string> = { readonly [K in D as K extends `${string}?` ? never : K]: string } & {
  readonly [K in D as K extends `${infer Name}?` ? Name : never]?: string;
};

export interface RuleEntry<D extends string = string> {
  readonly title: string;
  readonly severity: Severity;
  /** The details its message (and hint) read; `report` must give exactly these, so a typo is a compile error. */
  readonly details: readonly D[];
  /** Builds the message from the details of one occurrence. */
  readonly message: (details: Details<D>) => string;
  /** What to do; a function when the fix depends on the occurrence. */
  readonly hint: string | ((details: Details<D>) => string);
  /**
   * Whether a brief's `rules:` may turn it off or change its severity. Not for rules that mean the
   * model could not be built or is unsafe: silencing them would only hide why the brief was not rendered.
   */
  readonly silenceable: boolean;
  /** What the rule counts and where it reports, beyond its one-line message (docs/rules.md prints it). */
  readonly notes?: string;
}

/** An entry, its details' names inferred from the `details` list. */
export function rule<const D extends string = never>(entry: RuleEntry<D>): RuleEntry<D> {
  return entry;
}

/** The rules of one stage, as docs/rules.md groups them. */
export interface RuleGroup {
  readonly title: string;
  /** What the stage reads, in a sentence. */
  readonly about: string;
  /** Why no rule of the group can be set in a brief's `rules:`, when that holds for all of them. */
  readonly notPerBrief?: string;
  /** Each entry as a group sees it: its message and hint take whatever details their entry declares. */
  readonly rules: Readonly<Record<string, AnyRuleEntry>>;
}

/** Any entry: a function of `never` accepts every entry's message, whatever its details. */
export type AnyRuleEntry = Omit<RuleEntry, 'message' | 'hint'> & {
  readonly message: (details: never) => string;
  readonly hint: string | ((details: never) => string);
};
