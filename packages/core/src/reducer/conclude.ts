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
      const current = tx.state.reflections[me!.id];
      const next = {
        balance: cmd.balance === undefined ? (current?.balance ?? null) : cmd.balance,
        commitment: cmd.commitment ?? current?.commitment ?? '',
        at: tx.ctx.now,
        hidden: current?.hidden ?? false,
      };
      if (current && current.balance === next.balance && current.commitment === next.commitment) return;
      tx.put('reflections', me!.id, next);
    },
  }),

  'reflection.hide': rule<'reflection.hide'>({
    who: 'facilitator',
    phases: 'always',
    run(tx, cmd) {
      const reflection = tx.state.reflections[cmd.participantId];
      if (!reflection) return fail('NOT_FOUND', 'No such reflection.');
      if (reflection.hidden === cmd.hidden) return;
      tx.put('reflections', cmd.participantId, { ...reflection, hidden: cmd.hidden });
    },
  }),
};
