/**
 * `limits` in briefsmith.config.json: what one brief may cost, set once for a project instead of
 * on every command. Named as the flags are (`--max-size` → `maxSize`); a flag overrides its setting.
 */
import { z } from 'zod';

export const configLimitNames = [
  'maxSize',
  'maxDepth',
  'maxCitations',
  'maxInlineMarkers',
  'maxTableCells',
  'maxFootnotes',
  'maxImages',
  'maxInlinedBytes',
  'maxSeconds',
  'maxMemory',
] as const;

export type ConfigLimitName = (typeof configLimitNames)[number];
export type ConfigLimits = { [Name in ConfigLimitName]?: number | undefined };

const limitValue = z.number().int().min(1).optional();

export const limitsSetting = z
  .strictObject(Object.fromEntries(configLimitNames.map((name) => [name, limitValue])) as Record<ConfigLimitName, typeof limitValue>)
  .describe('What one brief may cost, as the --max-* flags of build and check set it (maxSeconds, maxMemory in MB, maxSize, …)');
