// Bidirectional overrides and isolates can make text display as something else; marks are dropped too.
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// C0/C1 control characters other than the newline, which is handled separately.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;

/**
 * Normalise user text before it is stored: NFC, no control or bidi-override characters, single
 * spaces, trimmed. Single-line text turns newlines into spaces; multi-line keeps at most one blank line.
 */
export function cleanText(input: string, multiline = false): string {
  let text = input.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
  text = text.replace(BIDI_CONTROLS, '').replace(CONTROLS, '');
  text = multiline ? text.replace(/\n{3,}/g, '\n\n') : text.replace(/\n+/g, ' ');
  return text.replace(/[ \u00A0]{2,}/g, ' ').replace(/ *\n */g, '\n').trim();
}
