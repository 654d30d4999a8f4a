/** The output formats, in their own module so that naming them loads no renderer or browser. */
export type Format = 'md' | 'html' | 'pdf' | 'json' | 'docx';
export const formats: readonly Format[] = ['md', 'html', 'pdf', 'json', 'docx'];
/** Formats whose output is bytes, not UTF-8 text. */
export const binaryFormats: readonly Format[] = ['pdf', 'docx'];
