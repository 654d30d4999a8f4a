/** The fixed set of directive names and where each may stand. */
export const containerNames = {
  judgment: 'body',
  file: 'body',
  interest: 'file',
  state: 'file',
  outlook: 'file',
  legal: 'body',
  /** Shorthand for `legal{kind=extradition}`, the form of schema version 1. */
  extradition: 'body',
  request: 'legal',
  claim: 'legal',
  instrument: 'legal',
  ground: 'legal',
  /** Shorthand for `ground{side=against}`. */
  exception: 'legal',
  obligation: 'legal',
  position: 'legal',
  assessment: 'legal',
  reaction: 'body',
  disagreement: 'body',
} as const;
export type ContainerName = keyof typeof containerNames;

export const leafNames = ['event'] as const;
export const textNames = ['q'] as const;

export const isContainerName = (name: string): name is ContainerName => Object.hasOwn(containerNames, name);
export const isLeafName = (name: string): boolean => (leafNames as readonly string[]).includes(name);
export const isTextName = (name: string): boolean => (textNames as readonly string[]).includes(name);
