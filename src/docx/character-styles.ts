/**
 * The character styles a brief's runs carry (note references, links, judgment measures, quoted
 * and Arabic words, code), so an editor can restyle each kind of run in one place.
 */
import { character, navy, type StyleDefinition } from './style-builders.js';

/** The character styles, in the order they appear in Word's style list. */
export const characterStyles: readonly StyleDefinition[] = [
  character('EndnoteReference', 'endnote reference', '<w:vertAlign w:val="superscript"/>'),
  character('FootnoteReference', 'footnote reference', '<w:vertAlign w:val="superscript"/>'),
  character('Hyperlink', 'Hyperlink', '<w:color w:val="1F4E9A"/><w:u w:val="single"/>'),
  character('JudgmentNumber', 'Judgment Number', `<w:b/><w:bCs/><w:color w:val="${navy}"/>`),
  character('Likelihood', 'Likelihood', '<w:b/><w:bCs/><w:color w:val="7A3E00"/>'),
  character('Confidence', 'Confidence', '<w:b/><w:bCs/><w:color w:val="1F5F3A"/>'),
  character('MeasureLabel', 'Measure Label', '<w:caps/><w:color w:val="595959"/><w:sz w:val="16"/><w:szCs w:val="16"/>'),
  character('Stance', 'Stance', '<w:b/><w:bCs/>'),
  character('QuotedWords', 'Quoted Words', '<w:i/><w:iCs/>'),
  character('ArabicText', 'Arabic Text', '<w:rFonts w:cs="Arial"/><w:rtl/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:bidi="ar-SA"/>'),
  character('InlineCode', 'Inline Code', '<w:rFonts w:ascii="Consolas" w:hAnsi="Consolas" w:cs="Consolas"/><w:sz w:val="20"/><w:szCs w:val="20"/>'),
];
