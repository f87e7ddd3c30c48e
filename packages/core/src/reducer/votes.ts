import { ballotFor } from './ballot.js';
import { fail, type Tx } from './tx.js';
import { rule } from './rule.js';

function visibleScenario(tx: Tx, scenarioId: string) {
  const scenario = tx.state.scenarios[scenarioId];
  return scenario && !scenario.hidden ? scenario : null;
}

function stillOpen(tx: Tx) {
  return tx.meta.revealed ? fail('LOCKED', 'Votes have been revealed; they can no longer change.', { reason: 'votesRevealed' }) : null;
}

export const voteRules = {
  'vote.set': rule<'vote.set'>({
    who: 'participant',
    phases: ['vote'],
    lockable: true,
    run(tx, cmd, me) {
      const closed = stillOpen(tx);
      if (closed) return closed;
      if (!visibleScenario(tx, cmd.scenarioId)) return fail('NOT_FOUND', 'No such scenario.');
      const ballot = ballotFor(tx, me);
      const sheet = tx.state.votes[ballot] ?? {};
      const current = sheet[cmd.scenarioId];
      if (current && current.x === cmd.x && current.y === cmd.y) return;
      tx.put('votes', ballot, { ...sheet, [cmd.scenarioId]: { x: cmd.x, y: cmd.y } });
    },
  }),

  'vote.clear': rule<'vote.clear'>({
    who: 'participant',
    phases: ['vote'],
    lockable: true,
    run(tx, cmd, me) {
      const closed = stillOpen(tx);
      if (closed) return closed;
      const ballot = tx.state.ballots[me.id];
      const sheet = ballot === undefined ? undefined : tx.state.votes[ballot];
      if (ballot === undefined || !sheet || !(cmd.scenarioId in sheet)) return;
      const { [cmd.scenarioId]: _dropped, ...rest } = sheet;
      tx.put('votes', ballot, rest);
    },
  }),

  'star.toggle': rule<'star.toggle'>({
    who: 'participant',
    phases: ['vote'],
    lockable: true,
    run(tx, cmd, me) {
      const closed = stillOpen(tx);
      if (closed) return closed;
      if (!visibleScenario(tx, cmd.scenarioId)) return fail('NOT_FOUND', 'No such scenario.');
      const ballot = ballotFor(tx, me);
      const stars = tx.state.stars[ballot] ?? [];
      const budget = tx.meta.settings.starBudget;
      if (stars.includes(cmd.scenarioId)) {
        const next = stars.filter((id) => id !== cmd.scenarioId);
        tx.put('stars', ballot, next);
        return { starred: false, left: budget - next.length };
      }
      if (stars.length >= budget) return fail('LIMIT_REACHED', `You have spent all ${budget} stars; take one back first.`, { reason: 'starsSpent', params: { budget } });
      tx.put('stars', ballot, [...stars, cmd.scenarioId]);
      return { starred: true, left: budget - stars.length - 1 };
    },
  }),

  'votes.reveal': rule<'votes.reveal'>({
    who: 'facilitator',
    phases: ['vote', 'discuss', 'conclude'],
    run(tx, cmd) {
      if (tx.meta.revealed === cmd.revealed) return;
      tx.setMeta({ revealed: cmd.revealed });
    },
  }),
};
