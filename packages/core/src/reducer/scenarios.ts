import { LIMITS } from '../constants.js';
import { DECK, deckCard } from '../content/deck.js';
import { deckText } from '../content/deck-text.js';
import { teamScenarioCount } from '../rules.js';
import type { RoomState, Scenario, ScenarioSource } from '../types.js';
import { fail, type Tx } from './tx.js';
import { rule } from './rule.js';

function nextOrder(tx: Tx): number {
  let max = -1;
  for (const s of Object.values(tx.state.scenarios)) if (s.order > max) max = s.order;
  return max + 1;
}

/** The next card number: one more than any card ever numbered in this workshop. */
export function nextNumber(scenarios: RoomState['scenarios']): number {
  let max = 0;
  for (const s of Object.values(scenarios)) if (s.number > max) max = s.number;
  return max + 1;
}

function totalCheck(tx: Tx, adding: number) {
  if (Object.keys(tx.state.scenarios).length + adding > LIMITS.scenariosTotal) {
    return fail('LIMIT_REACHED', `A workshop holds at most ${LIMITS.scenariosTotal} scenarios.`, { reason: 'scenariosTotalMax', params: { max: LIMITS.scenariosTotal } });
  }
  return null;
}

function addScenario(
  tx: Tx,
  fields: { text: string; teamId: string | null; source: ScenarioSource; deckId: string | null; by: string },
): Scenario {
  const scenario: Scenario = {
    id: tx.ctx.newId(),
    text: fields.text,
    teamId: fields.teamId,
    source: fields.source,
    deckId: fields.deckId,
    hidden: false,
    createdAt: tx.ctx.now,
    createdBy: fields.by,
    order: nextOrder(tx),
    number: nextNumber(tx.state.scenarios),
  };
  tx.put('scenarios', scenario.id, scenario);
  return scenario;
}

/** Hide or show one card; a hidden card leaves the spotlight. True when it changed. */
function setHidden(tx: Tx, scenarioId: string, hidden: boolean): boolean {
  const scenario = tx.state.scenarios[scenarioId]!;
  if (scenario.hidden === hidden) return false;
  tx.put('scenarios', scenario.id, { ...scenario, hidden });
  if (hidden && tx.meta.spotlight === scenario.id) tx.setMeta({ spotlight: null });
  return true;
}

export const scenarioRules = {
  'scenario.add': rule<'scenario.add'>({
    who: 'both',
    phases: 'open',
    participantPhases: ['scenarios', 'place'],
    lockable: true,
    run(tx, cmd, me) {
      const full = totalCheck(tx, 1);
      if (full) return full;
      if (me) {
        if (!me.teamId) return fail('NEEDS_TEAM', 'Join a team first.');
        if (cmd.teamId != null && cmd.teamId !== me.teamId) return fail('FORBIDDEN', 'You can only write for your own team.', { reason: 'ownTeamOnly' });
        if (teamScenarioCount(tx.state, me.teamId) >= LIMITS.scenariosPerTeam) {
          return fail('LIMIT_REACHED', `A team writes at most ${LIMITS.scenariosPerTeam} scenarios.`, { reason: 'teamScenariosMax', params: { max: LIMITS.scenariosPerTeam } });
        }
        const s = addScenario(tx, { text: cmd.text, teamId: me.teamId, source: 'team', deckId: null, by: me.id });
        return { scenarioId: s.id };
      }
      const teamId = cmd.teamId ?? null;
      if (teamId !== null && !tx.state.teams[teamId]) return fail('NOT_FOUND', 'That team does not exist.');
      const source = teamId === null ? 'facilitator' : 'team';
      const s = addScenario(tx, { text: cmd.text, teamId, source, deckId: null, by: 'facilitator' });
      return { scenarioId: s.id };
    },
  }),

  'scenario.edit': rule<'scenario.edit'>({
    who: 'both',
    phases: 'open',
    participantPhases: ['scenarios', 'place'],
    lockable: true,
    run(tx, cmd, me) {
      const scenario = tx.state.scenarios[cmd.scenarioId];
      if (!scenario || (me && scenario.hidden)) return fail('NOT_FOUND', 'No such scenario.');
      if (me) {
        if (!me.teamId || scenario.teamId !== me.teamId) return fail('FORBIDDEN', 'Only its team can edit this scenario.');
      }
      if (scenario.text === cmd.text) return;
      tx.put('scenarios', scenario.id, { ...scenario, text: cmd.text });
    },
  }),

  'scenarios.import': rule<'scenarios.import'>({
    who: 'facilitator',
    phases: 'open',
    run(tx, cmd) {
      const full = totalCheck(tx, cmd.texts.length);
      if (full) return full;
      for (const text of cmd.texts) addScenario(tx, { text, teamId: null, source: 'facilitator', deckId: null, by: 'facilitator' });
      return { added: cmd.texts.length };
    },
  }),

  'deck.add': rule<'deck.add'>({
    who: 'facilitator',
    phases: 'open',
    run(tx, cmd) {
      const wanted = cmd.deckIds ?? DECK.map((card) => card.id);
      const unknown = wanted.find((id) => !deckCard(id));
      if (unknown) return fail('NOT_FOUND', `No deck card "${unknown}".`);
      const present = new Set(Object.values(tx.state.scenarios).map((s) => s.deckId));
      const cards = [...new Set(wanted)].filter((id) => !present.has(id)).map((id) => deckCard(id)!);
      const full = totalCheck(tx, cards.length);
      if (full) return full;
      for (const card of cards) {
        addScenario(tx, { text: deckText(card.id, tx.meta.settings.language) ?? card.text, teamId: null, source: 'deck', deckId: card.id, by: 'facilitator' });
      }
      return { added: cards.length };
    },
  }),

  'scenario.hide': rule<'scenario.hide'>({
    who: 'facilitator',
    phases: 'always',
    run(tx, cmd) {
      if (!tx.state.scenarios[cmd.scenarioId]) return fail('NOT_FOUND', 'No such scenario.');
      setHidden(tx, cmd.scenarioId, cmd.hidden);
    },
  }),

  'scenarios.hide': rule<'scenarios.hide'>({
    who: 'facilitator',
    phases: 'always',
    run(tx, cmd) {
      const unknown = cmd.scenarioIds.find((id) => !tx.state.scenarios[id]);
      if (unknown) return fail('NOT_FOUND', `No scenario ${unknown}.`);
      let changed = 0;
      for (const id of new Set(cmd.scenarioIds)) if (setHidden(tx, id, cmd.hidden)) changed++;
      return { changed };
    },
  }),
};
