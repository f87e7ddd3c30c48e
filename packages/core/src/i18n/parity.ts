import { compile } from '@intlify/core-base';

/**
 * Test-only: how two catalogues of the same app differ. Every key must be in both, and each message
 * must use the same placeholders, the same linked messages and the same number of plural forms, so
 * that a translation can neither lose a key nor drop the number it was meant to show.
 */
export function catalogueDifferences(a: object, b: object, names: [string, string] = ['a', 'b']): string[] {
  const left = flatten(a);
  const right = flatten(b);
  const problems: string[] = [];
  for (const key of left.keys()) if (!right.has(key)) problems.push(`${key}: missing in ${names[1]}`);
  for (const key of right.keys()) if (!left.has(key)) problems.push(`${key}: missing in ${names[0]}`);
  for (const [key, message] of left) {
    const other = right.get(key);
    if (other === undefined) continue;
    const [x, y] = [shape(message), shape(other)];
    if (x !== y) problems.push(`${key}: ${names[0]} uses ${x}, ${names[1]} uses ${y}`);
  }
  return problems;
}

/** Every message of a catalogue by its dotted key; a value that is neither text nor a group is a problem of its own. */
export function flatten(messages: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else if (value && typeof value === 'object') for (const entry of flatten(value as object, path)) out.set(...entry);
    else throw new Error(`${path}: not a message`);
  }
  return out;
}

/** What a message needs from the code that shows it: its placeholders, linked keys and plural forms. */
function shape(message: string): string {
  const placeholders = [...message.matchAll(/\{\s*([A-Za-z_][\w$-]*)\s*\}/g)].map((m) => m[1]);
  const linked = [...message.matchAll(/@(?:\.\w+)?:(?:\{'([^']+)'\}|([\w.-]+))/g)].map((m) => `@:${m[1] ?? m[2]}`);
  const forms = message.split(/(?<!\{')\|(?!'\})/).length;
  return `[${[...new Set([...placeholders, ...linked])].sort().join(', ')}] in ${forms} form${forms === 1 ? '' : 's'}`;
}

/** Test-only: every message vue-i18n could not compile (a stray `@`, `|` or brace), as `key: problem`. */
export function compileErrors(messages: object, locale: string): string[] {
  const errors: string[] = [];
  for (const [key, message] of flatten(messages)) {
    compile(message, { key, locale, onError: (error) => errors.push(`${key}: ${error.message}`) });
  }
  return errors;
}
