/** The faces the picture asks for: DejaVu is what the server ships for the PNG; the rest are for viewers without it. */
export const FONT_FAMILY = 'DejaVu Sans, Verdana, Arial, sans-serif';
export const EMOJI_FAMILY = 'Noto Emoji, Apple Color Emoji, Segoe UI Emoji, sans-serif';

// Characters XML 1.0 forbids, lone surrogates included: they would make the whole file unreadable.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text safe inside an SVG element or a double- or single-quoted attribute. */
export function xml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

// Advance widths of DejaVu Sans (the PNG's font) in em for printable ASCII, space to tilde,
// rounded up; the server's export-png test holds them against what resvg actually draws.
const REGULAR = [
  0.32, 0.41, 0.46, 0.84, 0.64, 0.95, 0.78, 0.28, 0.39, 0.39, 0.5, 0.84, 0.32, 0.37, 0.32, 0.34,
  0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.34, 0.34, 0.84, 0.84, 0.84, 0.54,
  1, 0.72, 0.69, 0.7, 0.77, 0.64, 0.58, 0.78, 0.76, 0.3, 0.3, 0.66, 0.56, 0.87, 0.75, 0.79,
  0.61, 0.79, 0.7, 0.64, 0.6, 0.74, 0.69, 0.99, 0.69, 0.62, 0.69, 0.39, 0.34, 0.39, 0.84, 0.5,
  0.5, 0.62, 0.64, 0.55, 0.64, 0.62, 0.35, 0.64, 0.64, 0.28, 0.28, 0.58, 0.28, 0.98, 0.64, 0.62,
  0.64, 0.64, 0.4, 0.53, 0.4, 0.64, 0.6, 0.82, 0.6, 0.6, 0.53, 0.64, 0.34, 0.64, 0.84,
];
const BOLD = [
  0.35, 0.46, 0.53, 0.84, 0.7, 1.01, 0.88, 0.31, 0.46, 0.46, 0.53, 0.84, 0.38, 0.42, 0.38, 0.37,
  0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.4, 0.4, 0.84, 0.84, 0.84, 0.58,
  1, 0.78, 0.77, 0.74, 0.83, 0.69, 0.69, 0.83, 0.84, 0.38, 0.38, 0.78, 0.64, 1, 0.84, 0.85,
  0.74, 0.85, 0.77, 0.68, 0.71, 0.82, 0.78, 1.11, 0.78, 0.73, 0.73, 0.46, 0.37, 0.46, 0.84, 0.5,
  0.5, 0.68, 0.72, 0.6, 0.72, 0.68, 0.41, 0.72, 0.72, 0.35, 0.35, 0.67, 0.35, 1.05, 0.72, 0.69,
  0.72, 0.72, 0.5, 0.6, 0.48, 0.72, 0.66, 0.93, 0.65, 0.66, 0.59, 0.72, 0.37, 0.72, 0.84,
];
// A few common non-ASCII characters; any other is taken as wide as a capital.
const OTHER: Record<string, number> = { '…': 1, '—': 1, '–': 0.5, '·': 0.32, '“': 0.52, '”': 0.52, '‘': 0.32, '’': 0.32, '→': 0.84, '●': 0.8 };

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** User-perceived characters, so an emoji with a skin tone or a flag is never cut in half. */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

export function isEmoji(grapheme: string): boolean {
  return EMOJI.test(grapheme);
}

function graphemeWidth(g: string, bold: boolean): number {
  if (isEmoji(g)) return 1.25;
  if (WIDE.test(g)) return 1.0;
  const code = g.charCodeAt(0);
  if (g.length === 1 && code >= 32 && code <= 126) return (bold ? BOLD : REGULAR)[code - 32]!;
  return (OTHER[g] ?? 0.8) * (bold ? 1.1 : 1);
}

/**
 * The width of a line in the picture's units, for DejaVu Sans (the PNG's font) and never less, so
 * wrapped text stays inside its card; narrower fonts in other SVG viewers just leave more margin.
 */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  // Plain ASCII (most text) needs no grapheme segmentation.
  if (/^[\x20-\x7E]*$/.test(text)) for (let i = 0; i < text.length; i++) em += (bold ? BOLD : REGULAR)[text.charCodeAt(i) - 32]!;
  else for (const g of graphemes(text)) em += graphemeWidth(g, bold);
  return em * size;
}

function fitGraphemes(word: string, width: number, size: number, bold: boolean): [string, string] {
  const parts = graphemes(word);
  let taken = '';
  for (let i = 0; i < parts.length; i++) {
    if (textWidth(taken + parts[i], size, bold) > width) return [taken || parts[0]!, parts.slice(taken ? i : 1).join('')];
    taken += parts[i];
  }
  return [taken, ''];
}

/** Greedy word wrap into at most `maxLines` lines; when text is left over, the last line ends in an ellipsis. */
export function wrap(text: string, width: number, size: number, maxLines: number, bold = false): string[] {
  const lines: string[] = [];
  const words = text.split(/\s+/).filter(Boolean);
  let line = '';
  for (let i = 0; i < words.length; ) {
    const word = words[i]!;
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, size, bold) <= width) {
      line = candidate;
      i++;
      continue;
    }
    if (line) {
      lines.push(line);
      line = '';
    } else {
      const [head, rest] = fitGraphemes(word, width, size, bold);
      lines.push(head);
      if (rest) words[i] = rest;
      else i++;
    }
    if (lines.length === maxLines) {
      if (i < words.length) lines[maxLines - 1] = ellipsis(lines[maxLines - 1]!, width, size, bold);
      return lines;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function ellipsis(line: string, width: number, size: number, bold: boolean): string {
  const parts = graphemes(line);
  while (parts.length && textWidth(`${parts.join('').trimEnd()}…`, size, bold) > width) parts.pop();
  return `${parts.join('').trimEnd()}…`;
}

/** One line as SVG text content: escaped, with emoji in their own run so the emoji font draws them. */
export function svgRuns(line: string): string {
  let out = '';
  let plain = '';
  for (const g of graphemes(line)) {
    if (!isEmoji(g)) {
      plain += g;
      continue;
    }
    out += xml(plain) + `<tspan font-family="${EMOJI_FAMILY}">${xml(g)}</tspan>`;
    plain = '';
  }
  return out + xml(plain);
}
