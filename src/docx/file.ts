/** A file of the relationship: Heading 2, its lead, each party's interest, the state of play, the outlook. */
import type { FileChild } from 'docx';
import type { RelationshipFile } from '../types.js';
import { heading, markdownBlocks } from './blocks.js';
import type { DocxContext } from './context.js';

export function fileBlocks(file: RelationshipFile, context: DocxContext): FileChild[] {
  return [
    heading(2, file.title, context),
    ...(file.lead ? markdownBlocks(file.lead, context) : []),
    ...file.interests.flatMap((interest) => [heading(3, `${interest.party}’s interest`, context), ...markdownBlocks(interest.text, context)]),
    heading(3, 'State of play', context),
    ...markdownBlocks(file.state, context),
    heading(3, 'Outlook', context),
    ...markdownBlocks(file.outlook, context),
  ];
}
