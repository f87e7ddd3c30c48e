import { ballotFor } from './ballot.js';
import { fail } from './tx.js';
import { rule } from './rule.js';

export const concludeRules = {
  'reflection.set': rule<'reflection.set'>({
    who: 'participant',
    phases: ['conclude'],
    lockable: true,
    run(tx, cmd, me) {
      if (cmd.balance === undefined && cmd.commitment === undefined) {
        return fail('INVALID', 'Send a balance, a commitment, or both.');
      }
      const ballot = ballotFor(tx, me);
      const current = tx.state.reflections[ballot];
      const next = {
        balance: cmd.balance === undefined ? (current?.balance ?? null) : cmd.balance,
        commitment: cmd.commitment ?? current?.commitment ?? '',
        at: tx.ctx.now,
        hidden: current?.hidden ?? false,
      };
      if (current && current.balance === next.balance && current.commitment === next.commitment) return;
      tx.put('reflections', ballot, next);
    },
  }),

  'reflection.hide': rule<'reflection.hide'>({
    who: 'facilitator',
    phases: 'always',
    run(tx, cmd) {
      const reflection = tx.state.reflections[cmd.ballot];
      if (!reflection) return fail('NOT_FOUND', 'No such reflection.');
      if (reflection.hidden === cmd.hidden) return;
      tx.put('reflections', cmd.ballot, { ...reflection, hidden: cmd.hidden });
    },
  }),
};
