import { CORE_MESSAGES_EN, messageAt, type MessageKey } from '../i18n/messages.js';
import type { Settings } from '../types.js';

export interface PrivacyNotice {
  /** `Named workshop` or `Anonymous workshop`. */
  title: string;
  /** The promise in one sentence, for where there is room for only one. */
  summary: string;
  /** Who sees what, each a sentence a facilitator can say out loud. */
  points: string[];
}

/** A privacy notice as catalogue keys, for screens that word it in their own language. */
export type PrivacyNoticeKeys = { [K in keyof PrivacyNotice]: PrivacyNotice[K] extends string ? MessageKey : MessageKey[] };

/**
 * What a workshop promises about who sees what: shown on the join page before a person types a
 * name, on the create form, in the console and at the end. docs/privacy.md is the long version,
 * and core's view.ts is what keeps each sentence true.
 */
export function privacyNoticeKeys(settings: Pick<Settings, 'anonymous' | 'namedExport'>): PrivacyNoticeKeys {
  if (settings.anonymous) {
    return {
      title: 'privacy.anonymous.title',
      summary: 'privacy.anonymous.summary',
      points: ['privacy.anonymous.nobody', 'privacy.votes', 'privacy.anonymous.names'],
    };
  }
  return {
    title: 'privacy.named.title',
    summary: 'privacy.named.summary',
    points: [
      'privacy.named.room',
      'privacy.votes',
      'privacy.named.facilitator',
      settings.namedExport ? 'privacy.named.exportNamed' : 'privacy.named.exportNumbered',
    ],
  };
}

/** The privacy notice in English. */
export function privacyNotice(settings: Pick<Settings, 'anonymous' | 'namedExport'>): PrivacyNotice {
  const keys = privacyNoticeKeys(settings);
  const say = (key: MessageKey) => messageAt(CORE_MESSAGES_EN, key);
  return { title: say(keys.title), summary: say(keys.summary), points: keys.points.map(say) };
}
