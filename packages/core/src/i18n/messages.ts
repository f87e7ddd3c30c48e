import exportWords from './export.en.json' with { type: 'json' };
import content from './en.json' with { type: 'json' };
import notices from './notices.en.json' with { type: 'json' };

/**
 * The shape every language's catalogue has: English is the reference the others must match. Each
 * language comes in three files, so an app loads only what it shows: `<lang>.json` the workshop
 * content (framing, lenses, deck, phases, balance check, conclusion), `notices.<lang>.json` the
 * privacy notice and refusals, `export.<lang>.json` the words of the exports.
 */
export type CoreMessages = typeof content & typeof notices & typeof exportWords;

/** The English core catalogue, whole. */
export const CORE_MESSAGES_EN: CoreMessages = { ...content, ...notices, ...exportWords };

/** Every dotted key of a catalogue whose value is a message. */
export type MessageKey<T = CoreMessages> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${MessageKey<T[K]>}`;
}[keyof T & string];

/** A catalogue message by its dotted key. */
export function messageAt(messages: object, key: string): string {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
  if (typeof value !== 'string') throw new Error(`No message ${key}`);
  return value;
}
