/**
 * The reference parser cost: micromark alone (`mdast-util-from-markdown`, CommonMark with
 * YAML front matter, no other extension, one thread) parsing every `.md` file in a folder.
 * Prints the parse time in seconds (module loading excluded).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';

const dir = process.argv[2];
const texts = readdirSync(dir)
  .filter((name) => name.endsWith('.md'))
  .map((name) => readFileSync(join(dir, name), 'utf8'));
const options = { extensions: [frontmatter(['yaml'])], mdastExtensions: [frontmatterFromMarkdown(['yaml'])] };
const started = performance.now();
for (const text of texts) fromMarkdown(text, options);
console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000, files: texts.length }));
