/**
 * The skeleton `briefsmith new` writes: front matter with every field and every directive once,
 * each with `TODO` where the author writes, so `check` passes with only "fill me" warnings.
 */
import { stringify } from 'yaml';
import type { FieldDeclaration, FieldDeclarations } from '../config/fields.js';

export interface NewBriefOptions {
  id: string;
  title?: string | undefined;
  /** The brief's date (YYYY-MM-DD); the sources are dated the same day. */
  date: string;
  /** The project's declared front-matter fields: each gets a line after the built-in ones. */
  fields?: FieldDeclarations | undefined;
}

/** A placeholder a declared field accepts: TODO for text, the brief's date, the first allowed value. */
function placeholder(name: string, declaration: FieldDeclaration, date: string): string | string[] {
  const optional = declaration.required ? '' : ' (optional)';
  if (declaration.type === 'date') return date;
  if (declaration.type === 'choice') return declaration.values?.[0] ?? 'TODO';
  const text = `TODO ${declaration.description ?? name}${optional}`;
  return declaration.type === 'list' ? [text] : text;
}

/** The Markdown of a new brief. */
export function newBrief(options: NewBriefOptions): string {
  const meta = {
    id: options.id,
    title: options.title ?? 'TODO title',
    subtitle: 'TODO subtitle (optional)',
    date: options.date,
    classification: 'UNCLASSIFIED — open sources',
    audience: 'TODO audience (optional)',
    authors: ['TODO author (optional)'],
    summary: 'TODO bottom line up front: three to five sentences. [@source-one]\n',
    lang: 'en',
    paper: 'a4',
    keywords: ['TODO keyword (optional)'],
    ...Object.fromEntries(Object.entries(options.fields ?? {}).map(([name, declaration]) => [name, placeholder(name, declaration, options.date)])),
    sources: {
      'source-one': {
        outlet: 'TODO outlet ("Outlet not named" if unknown)',
        title: 'TODO title of the work',
        date: options.date,
        url: 'https://example.org/TODO',
        reliability: 'B',
        note: 'TODO note (optional)',
      },
      'source-two': { outlet: 'TODO outlet', title: 'TODO title of the work', date: options.date, dateNote: 'TODO how the date is known (optional)' },
    },
  };
  return `---
${stringify(meta, { lineWidth: 0 }).trimEnd()}
---

## Key judgments

:::judgment{id=kj-1 likelihood="roughly even chance" confidence=moderate}
TODO the judgment, one sentence. [@source-one]

TODO the basis of the judgment (optional). [@source-two]
:::

## Files

::::file{id=todo-file title="TODO file title"}
TODO lead paragraph (optional). [@source-one]

:::interest{party="TODO first party"}
TODO what this party wants. [@source-one]
:::

:::interest{party="TODO second party"}
TODO what this party wants. [@source-two]
:::

:::state
TODO what happened. [@source-one]
:::

:::outlook
TODO where it goes next. [@source-two]
:::
::::

## Legal analysis

:::::legal{kind=other question="TODO the legal question" subject="TODO subject"}
::::request{by="TODO who asked" date=${options.date}}
TODO what was asked (or use ::::claim for a complaint or case), and who confirmed it. [@source-one]
::::

::::instrument{name="TODO instrument" kind=treaty signed=2000 ratified=2001}
TODO what it provides. [@source-one]
::::

::::ground{side=against instrument="TODO instrument"}
TODO a ground against the request (side=for: one in its favour). [@source-one]
::::

::::obligation{instrument="TODO instrument"}
TODO an obligation. [@source-two]
::::

::::position{party="TODO party"}
TODO the party's position. [@source-two]
::::

::::assessment{likelihood="roughly even chance" confidence=low}
TODO the reasoned assessment. [@source-one]
::::
:::::

## Reactions

:::reaction{actor="TODO actor" stance=cautious date=${options.date} group=West}
TODO what they said or did. [@source-two]
:::

## Timeline

::event[TODO what happened. [@source-one]]{date=${options.date}}

## Where sources disagree

:::disagreement{topic="TODO topic"}
- TODO one view. [@source-one]
- TODO the other view. [@source-two]

TODO our reading (optional). [@source-one]
:::

## Notes

TODO prose: any Markdown, with citations [@source-one] and quotes such as
:q[TODO exact words]{source=source-two}.
`;
}
