import { placementKey } from '../parts.js';
import type { Placement } from '../types.js';
import { fail } from './tx.js';
import { rule } from './rule.js';

export const boardRules = {
  'placement.set': rule<'placement.set'>({
    who: 'both',
    phases: 'open',
    participantPhases: ['place', 'discuss'],
    lockable: true,
    run(tx, cmd, me) {
      const scenario = tx.state.scenarios[cmd.scenarioId];
      if (!scenario || (me && scenario.hidden)) return fail('NOT_FOUND', 'No such scenario.');
      let teamId: string;
      if (me) {
        if (!me.teamId) return fail('NEEDS_TEAM', 'Join a team first.');
        if (cmd.teamId !== undefined && cmd.teamId !== me.teamId) return fail('FORBIDDEN', 'You place cards for your own team.', { reason: 'placeOwnTeam' });
        if (scenario.teamId !== null && scenario.teamId !== me.teamId) {
          return fail('FORBIDDEN', 'Only the team that wrote this scenario places it.');
        }
        teamId = me.teamId;
      } else {
        const chosen = scenario.teamId ?? cmd.teamId;
        if (!chosen) return fail('INVALID', 'teamId: say which team this shared card is placed for.');
        if (scenario.teamId !== null && cmd.teamId !== undefined && cmd.teamId !== scenario.teamId) {
          return fail('FORBIDDEN', 'This card belongs to another team.', { reason: 'otherTeamCard' });
        }
        if (!tx.state.teams[chosen]) return fail('NOT_FOUND', 'That team does not exist.');
        teamId = chosen;
      }
      const key = placementKey(scenario.id, teamId);
      const previous = tx.state.placements[key];
      if (previous && previous.x === cmd.x && previous.y === cmd.y) return;
      const afterPlacing = tx.meta.phase === 'discuss' || tx.meta.phase === 'conclude';
      const settled = previous?.settled ?? (afterPlacing && previous ? { x: previous.x, y: previous.y } : null);
      const placement: Placement = {
        scenarioId: scenario.id,
        teamId,
        x: cmd.x,
        y: cmd.y,
        settled,
        by: me ? me.id : 'facilitator',
        at: tx.ctx.now,
      };
      tx.put('placements', key, placement);
    },
  }),
};
