import type { Command } from '../commands.js';
import type { PartKey } from '../parts.js';
import type { Ctx, DomainError, RoomState } from '../types.js';
import { runCommand } from './apply.js';
import { runJoin, type NewParticipant } from './lifecycle.js';
import type { CommandResult } from './rule.js';
import { Refusal, Tx } from './tx.js';

/** One step of a batch: a command, or a new participant joining, each with its own time and actor. */
export type BatchItem = { command: Command; ctx: Ctx } | { join: NewParticipant; ctx: Ctx };

export type BatchOutcome = { ok: true; result: CommandResult; changed: PartKey[] } | { ok: false; error: DomainError };

export interface BatchResult {
  state: RoomState;
  /** Every part changed by the commands that were applied. */
  changed: PartKey[];
  /** One per item, in order. */
  outcomes: BatchOutcome[];
  /**
   * Entries of the room's collections copied for the batch (each collection written is copied
   * whole, once): in a big room a vote costs a copy of every ballot's votes, whatever the batch's size.
   */
  copied: number;
}

/**
 * Apply commands one after another, as `apply` would, in one transaction: each collection is
 * copied once for the batch, and a refused command leaves no trace. Pure like `apply`.
 */
export function applyBatch(state: RoomState, items: readonly BatchItem[]): BatchResult {
  const first = items[0];
  const tx = new Tx(state, first ? first.ctx : { now: 0, actor: { role: 'system' }, newId: () => '' });
  const outcomes: BatchOutcome[] = items.map((item) => {
    tx.begin(item.ctx);
    const outcome = 'command' in item ? runCommand(tx, item.command) : runJoin(tx, item.join);
    if (outcome instanceof Refusal) {
      tx.rollback();
      return { ok: false, error: outcome.error };
    }
    return { ok: true, result: outcome, changed: tx.commit() };
  });
  return { state: tx.changed.size ? tx.state : state, changed: [...tx.changed], outcomes, copied: tx.copiedEntries };
}
