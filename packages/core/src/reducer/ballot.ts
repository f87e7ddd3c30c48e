import type { Participant } from '../types.js';
import type { Tx } from './tx.js';

/** The acting participant's ballot id; a participant who has none yet is given one. */
export function ballotFor(tx: Tx, me: Participant): string {
  const existing = tx.state.ballots[me.id];
  if (existing !== undefined) return existing;
  const ballot = tx.ctx.newId();
  tx.put('ballots', me.id, ballot);
  return ballot;
}
