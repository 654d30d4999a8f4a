/**
 * Reads a model written by an earlier briefsmith (schema version 1: one `extradition` analysis,
 * `westernReactions`) as the current version, so `build --since` can compare a brief with what
 * was published before the upgrade. Current models pass through unchanged.
 */
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The model `data` as schema version 2 (still to be validated with `briefSchema`). */
export function upgradeModel(data: unknown): unknown {
  if (!isObject(data) || data.schemaVersion !== undefined) return data;
  const { extradition, westernReactions, sections, ...rest } = data;
  const legalAnalyses = isObject(extradition) ? [upgradeExtradition(extradition)] : [];
  return {
    schemaVersion: 2,
    ...rest,
    legalAnalyses,
    reactions: westernReactions ?? [],
    sections: Array.isArray(sections)
      ? sections.map((section: unknown) =>
          isObject(section) && Array.isArray(section.blocks)
            ? {
                ...section,
                blocks: section.blocks.map((block: unknown) =>
                  isObject(block) && block.kind === 'extradition' ? { ...block, kind: 'legal', index: 0 } : block,
                ),
              }
            : section,
        )
      : sections,
  };
}

function upgradeExtradition(extradition: Json): Json {
  const { exceptions, request, ...rest } = extradition;
  return {
    id: 'legal-1',
    kind: 'extradition',
    question: null,
    ...rest,
    request: isObject(request) ? { kind: 'request', against: null, ...request } : null,
    grounds: Array.isArray(exceptions) ? exceptions.map((ground: unknown) => (isObject(ground) ? { ...ground, side: 'against' } : ground)) : [],
  };
}
