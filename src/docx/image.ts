/**
 * Local images in Word: the same files the HTML inlines (inside the brief's folder, PNG, JPEG or
 * GIF by their bytes; see render/images.ts), embedded at their size but no wider than the text
 * column, with the Markdown alt text as the picture's description. Anything else is its alt text.
 */
import { ImageRun, type ParagraphChild } from 'docx';
import { imageSize } from 'image-size';
import { readLocalImage } from '../render/images.js';
import type { DocxContext } from './context.js';
import { textRuns, type RunFormat } from './text-runs.js';

const types = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif' } as const;

export function imageRuns(url: string, alt: string, context: DocxContext, format: RunFormat): ParagraphChild[] {
  const image = context.baseDir ? readLocalImage(context.baseDir, url) : null;
  const type = image && 'bytes' in image ? types[image.type as keyof typeof types] : undefined;
  if (!image || !('bytes' in image) || !type) return alt ? textRuns(alt, format) : [];
  let size: { width?: number; height?: number };
  try {
    size = imageSize(image.bytes);
  } catch {
    return alt ? textRuns(alt, format) : [];
  }
  if (!size.width || !size.height) return alt ? textRuns(alt, format) : [];
  // Twips to pixels at 96 to the inch: 15 twips a pixel.
  const scale = Math.min(1, context.textWidth / 15 / size.width);
  return [
    new ImageRun({
      type,
      data: image.bytes,
      transformation: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
      altText: { name: alt || url, description: alt, title: alt },
    }),
  ];
}
