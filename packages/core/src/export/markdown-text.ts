// Characters that start emphasis, links, images, code, headings, tables, strikethrough or an escape.
const INLINE = /[\\`*_[\]#|~]/g;
// What GitHub-flavoured renderers turn into links on their own: `scheme://`, `www.`, `name@host`.
const AUTOLINK = /:(?=\/\/)|\bwww\.|@/gi;
// At the start of a line these open a list, a quote, a heading underline or an ordered list.
const LINE_START = /^([-+=])/;
const ORDERED = /^(\d+)([.)])/;

/**
 * User text as literal Markdown text on one line: every character that could make a link, an
 * image, emphasis or HTML is escaped, so `<script>` and `[x](javascript:…)` show as typed.
 */
export function mdInline(text: string): string {
  return mdLine(text.replace(/\s*\n+\s*/g, ' '));
}

function mdLine(line: string): string {
  // A backslash escape reads as the character itself in a Markdown viewer and in plain text alike;
  // `&` needs escaping only where it would start an entity.
  const escaped = line
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(INLINE, (c) => `\\${c}`)
    .replace(/[<>]/g, (c) => `\\${c}`)
    .replace(AUTOLINK, (m) => `${m.slice(0, -1)}\\${m.slice(-1)}`);
  return escaped.replace(LINE_START, '\\$1').replace(ORDERED, '$1\\$2');
}

/**
 * Multi-line user text, each line escaped and ended with a hard break, continued with `indent` so
 * it stays inside the list item or quote it belongs to.
 */
export function mdLines(text: string, indent: string): string {
  return text
    .split(/\n+/)
    .map((line) => mdLine(line.trim()))
    .filter((line) => line.length > 0)
    .join(`\\\n${indent}`);
}
