/** The fixed set of directive names and where each may stand. */
export const containerNames = {
  judgment: 'body',
  file: 'body',
  interest: 'file',
  state: 'file',
  outlook: 'file',
  extradition: 'body',
  request: 'extradition',
  instrument: 'extradition',
  exception: 'extradition',
  obligation: 'extradition',
  position: 'extradition',
  assessment: 'extradition',
  reaction: 'body',
  disagreement: 'body',
} as const;
export type ContainerName = keyof typeof containerNames;

export const leafNames = ['event'] as const;
export const textNames = ['q'] as const;

export const isContainerName = (name: string): name is ContainerName => Object.hasOwn(containerNames, name);
export const isLeafName = (name: string): boolean => (leafNames as readonly string[]).includes(name);
export const isTextName = (name: string): boolean => (textNames as readonly string[]).includes(name);
