/** `briefsmith new <id>`: writes briefs/<id>.md, a skeleton showing every part of the format. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { metaSchema } from '../../model/schema.js';
import { newBrief } from '../../scaffold/new-brief.js';
import { parseString, UsageError } from '../flags.js';
import { projectConfig } from '../project-config.js';

/** Writes the skeleton (with the project's declared fields); a bad id or an existing file is a usage error (exit 2). */
export async function runNew(id: string, flags: Record<string, unknown>): Promise<number> {
  if (!metaSchema.shape.id.safeParse(id).success)
    throw new UsageError(`Unexpected id \`${id}\`, expected lowercase letters, digits and single hyphens (e.g. \`syria-2025-11\`)`);
  const date = parseString('date', flags.date) ?? new Date().toISOString().slice(0, 10);
  if (!metaSchema.shape.date.safeParse(date).success) throw new UsageError(`--date expects a date as YYYY-MM-DD, got \`${date}\``);
  const folder = parseString('dir', flags.dir) ?? 'briefs';
  const path = join(process.cwd(), folder, `${id}.md`);
  if (existsSync(path) && flags.force !== true) throw new UsageError(`${relative(process.cwd(), path)} exists; pass --force to overwrite it`);
  mkdirSync(join(process.cwd(), folder), { recursive: true });
  const config = await projectConfig();
  writeFileSync(path, newBrief({ id, title: parseString('title', flags.title), date, fields: config.fields }));
  process.stdout.write(
    `wrote ${relative(process.cwd(), path)}\nEvery part of the format appears once (docs/format.md explains each): replace each TODO,\ndelete what you do not need, then run: briefsmith check ${relative(process.cwd(), path)}\n`,
  );
  return 0;
}
