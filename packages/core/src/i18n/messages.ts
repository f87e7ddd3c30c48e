import en from './en.json';

/** The shape every language's catalogue has: English is the reference the others must match. */
export type CoreMessages = typeof en;

/** The English core catalogue: workshop content, privacy notice, refusals. Always in the bundle. */
export const CORE_MESSAGES_EN: CoreMessages = en;

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
