import type { Settings } from '../types.js';

export interface PrivacyNotice {
  /** `Named workshop` or `Anonymous workshop`. */
  title: string;
  /** The promise in one sentence, for where there is room for only one. */
  summary: string;
  /** Who sees what, each a sentence a facilitator can say out loud. */
  points: string[];
}

/**
 * What a workshop promises about who sees what: shown on the join page before a person types a
 * name, on the create form, in the console and at the end. docs/privacy.md is the long version,
 * and core's view.ts is what keeps each sentence true.
 */
export function privacyNotice(settings: Pick<Settings, 'anonymous' | 'namedExport'>): PrivacyNotice {
  const votes = 'Your votes stay private until the facilitator reveals them; the room then sees the dots, never whose they are.';
  if (settings.anonymous) {
    return {
      title: 'Anonymous workshop',
      summary: 'Nobody, the facilitator included, can tell which votes, comments or commitment are yours.',
      points: [
        'Nobody — not the room, not the facilitator, not an export — can tell which votes, stars, comments, lens tags or commitment are yours.',
        votes,
        'Your name appears only in the list of who is in which team.',
      ],
    };
  }
  return {
    title: 'Named workshop',
    summary: 'The facilitator sees who wrote what; the room and the projector never do.',
    points: [
      'The room and the projector see your name in the team lists, never next to what you write or vote.',
      votes,
      'The facilitator sees your name beside your comments and commitment, and beside your votes after the reveal.',
      settings.namedExport
        ? 'The facilitator’s export names participants.'
        : 'The facilitator’s export shows P1, P2, … instead of names.',
    ],
  };
}
