import { LIMITS } from '../constants.js';
import { ballotFor } from './ballot.js';
import { fail } from './tx.js';
import { rule } from './rule.js';

export const discussRules = {
  'spotlight.set': rule<'spotlight.set'>({
    who: 'facilitator',
    phases: ['discuss', 'conclude'],
    run(tx, cmd) {
      if (cmd.scenarioId !== null) {
        const scenario = tx.state.scenarios[cmd.scenarioId];
        if (!scenario || scenario.hidden) return fail('NOT_FOUND', 'No such scenario.');
      }
      if (tx.meta.spotlight === cmd.scenarioId) return;
      tx.setMeta({ spotlight: cmd.scenarioId });
    },
  }),

  'comment.add': rule<'comment.add'>({
    who: 'participant',
    phases: ['discuss'],
    lockable: true,
    run(tx, cmd, me) {
      const scenario = tx.state.scenarios[cmd.scenarioId];
      if (!scenario || scenario.hidden) return fail('NOT_FOUND', 'No such scenario.');
      const ballot = ballotFor(tx, me);
      let mine = 0;
      for (const c of Object.values(tx.state.comments)) {
        if (c.author === ballot && c.scenarioId === cmd.scenarioId) mine++;
      }
      if (mine >= LIMITS.commentsPerParticipantPerScenario) {
        return fail('LIMIT_REACHED', `At most ${LIMITS.commentsPerParticipantPerScenario} comments each per scenario.`, { reason: 'commentsMax', params: { max: LIMITS.commentsPerParticipantPerScenario } });
      }
      const id = tx.ctx.newId();
      tx.put('comments', id, { id, scenarioId: cmd.scenarioId, author: ballot, text: cmd.text, at: tx.ctx.now, hidden: false });
      return { commentId: id };
    },
  }),

  'comment.hide': rule<'comment.hide'>({
    who: 'facilitator',
    phases: 'always',
    run(tx, cmd) {
      const comment = tx.state.comments[cmd.commentId];
      if (!comment) return fail('NOT_FOUND', 'No such comment.');
      if (comment.hidden === cmd.hidden) return;
      tx.put('comments', comment.id, { ...comment, hidden: cmd.hidden });
    },
  }),

  'lens.tag': rule<'lens.tag'>({
    who: 'participant',
    phases: ['discuss'],
    lockable: true,
    run(tx, cmd, me) {
      const scenario = tx.state.scenarios[cmd.scenarioId];
      if (!scenario || scenario.hidden) return fail('NOT_FOUND', 'No such scenario.');
      const ballot = ballotFor(tx, me);
      const sheet = tx.state.lenses[ballot] ?? {};
      const current = sheet[cmd.scenarioId] ?? [];
      const has = current.includes(cmd.lens);
      if (has === cmd.on) return;
      const next = cmd.on ? [...current, cmd.lens] : current.filter((lens) => lens !== cmd.lens);
      const { [cmd.scenarioId]: _old, ...rest } = sheet;
      tx.put('lenses', ballot, next.length ? { ...rest, [cmd.scenarioId]: next } : rest);
    },
  }),

  'takeaway.set': rule<'takeaway.set'>({
    who: 'facilitator',
    phases: ['discuss', 'conclude'],
    run(tx, cmd) {
      if (!tx.state.scenarios[cmd.scenarioId]) return fail('NOT_FOUND', 'No such scenario.');
      const current = tx.state.takeaways[cmd.scenarioId];
      if (cmd.text === '') {
        tx.remove('takeaways', cmd.scenarioId);
        return;
      }
      if (current?.text === cmd.text) return;
      tx.put('takeaways', cmd.scenarioId, { scenarioId: cmd.scenarioId, text: cmd.text, at: tx.ctx.now });
    },
  }),
};
