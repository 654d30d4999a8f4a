/** The output formats, in their own module so that naming them loads no renderer or browser. */
export type Format = 'md' | 'html' | 'pdf' | 'json';
export const formats: readonly Format[] = ['md', 'html', 'pdf', 'json'];
