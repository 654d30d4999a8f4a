/** A JSON.stringify replacer that leaves out source positions: the published model has none. */
export const omitPositions = (key: string, value: unknown): unknown => (key === 'position' ? undefined : value);
