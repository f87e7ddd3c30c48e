import type { Participant, RoomState, RoomView } from './types.js';

/**
 * The privacy model in code (docs/privacy.md says it in words). What a person contributes on their
 * own is keyed by a ballot id; the ballot → person link is `ballots`, which leaves the server only
 * for the person and, in a named workshop, for the facilitator.
 */

type WithBallots = Pick<RoomView, 'ballots'>;

// States and views are never changed in place, so an index built for one `ballots` map holds for it.
const owners = new WeakMap<Record<string, string>, Map<string, string>>();

/** Ballot id → participant id, for the links this state or view holds. */
export function ballotOwners(source: WithBallots): Map<string, string> {
  let index = owners.get(source.ballots);
  if (!index) {
    index = new Map(Object.entries(source.ballots).map(([participantId, ballot]) => [ballot, participantId]));
    owners.set(source.ballots, index);
  }
  return index;
}

/** A participant's ballot id, when this state or view holds the link. */
export function ballotOf(source: WithBallots, participantId: string | null | undefined): string | undefined {
  return participantId ? source.ballots[participantId] : undefined;
}

/** The participant behind a ballot, when this state or view holds the link. */
export function ballotOwner(source: WithBallots & Pick<RoomView, 'participants'>, ballot: string): Participant | undefined {
  const id = ballotOwners(source).get(ballot);
  return id === undefined ? undefined : source.participants[id];
}

/** Whether the facilitator may see who is behind each ballot: only in a named workshop. */
export function facilitatorSeesAuthors(state: Pick<RoomState, 'meta'>): boolean {
  return !state.meta.settings.anonymous;
}

/**
 * Removing someone from a named workshop withdraws what they contributed from every screen, count
 * and export (undoing the removal brings it back). In an anonymous workshop nothing is withdrawn:
 * whatever disappeared at the moment of a removal would tell the room whose it was.
 */
export function isWithdrawn(state: Pick<RoomState, 'meta' | 'ballots' | 'participants'>, ballot: string): boolean {
  if (state.meta.settings.anonymous) return false;
  return ballotOwner(state, ballot)?.status === 'removed';
}
