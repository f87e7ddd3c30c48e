import { DEFAULTS } from '../constants.js';
import { deckText } from '../content/deck-text.js';
import type { Language } from '../language.js';
import { isInputLocked } from '../rules.js';
import type { Timer } from '../types.js';
import { fail, type Tx } from './tx.js';
import { rule } from './rule.js';

/** The phase log keeps the most recent entries; enough for any real session. */
const PHASE_LOG_MAX = 200;

function idle(timer: Timer): Timer {
  return { status: 'idle', durationMs: timer.durationMs, endsAt: null, remainingMs: timer.durationMs };
}

/**
 * A change of language re-words the built-in deck cards whose text is still the deck's own in the
 * old language; a card someone edited keeps the words they gave it.
 */
function rewordDeck(tx: Tx, from: Language, to: Language): void {
  for (const scenario of Object.values(tx.state.scenarios)) {
    if (scenario.deckId === null || scenario.text !== deckText(scenario.deckId, from)) continue;
    const text = deckText(scenario.deckId, to);
    if (text !== undefined) tx.put('scenarios', scenario.id, { ...scenario, text });
  }
}

export const facilitationRules = {
  'phase.set': rule<'phase.set'>({
    who: 'facilitator',
    phases: 'always',
    run(tx, cmd) {
      if (tx.meta.phase === cmd.phase) return;
      const phaseLog = [...tx.meta.phaseLog, { phase: cmd.phase, at: tx.ctx.now }].slice(-PHASE_LOG_MAX);
      // A new phase starts unlocked: a timer from the previous one does not carry over. Ending the
      // workshop reveals the votes: nothing leaves the room (export, summary) that it has not seen.
      const revealed = cmd.phase === 'ended' ? true : tx.meta.revealed;
      tx.setMeta({ phase: cmd.phase, phaseLog, timer: idle(tx.meta.timer), revealed });
    },
  }),

  'settings.update': rule<'settings.update'>({
    who: 'facilitator',
    phases: 'open',
    run(tx, cmd) {
      const { title, id: _id, type: _type, ...settings } = cmd;
      const defined = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined));
      const before = tx.meta.settings.language;
      tx.setMeta({ title: title ?? tx.meta.title, settings: { ...tx.meta.settings, ...defined } });
      if (cmd.language && cmd.language !== before) rewordDeck(tx, before, cmd.language);
    },
  }),

  'timer.start': rule<'timer.start'>({
    who: 'facilitator',
    phases: 'open',
    run(tx, cmd) {
      const timer = tx.meta.timer;
      const now = tx.ctx.now;
      if (cmd.seconds === undefined && timer.status === 'paused') {
        tx.setMeta({ timer: { ...timer, status: 'running', endsAt: now + timer.remainingMs } });
        return;
      }
      const durationMs = (cmd.seconds ?? (timer.durationMs / 1000 || DEFAULTS.timerSeconds)) * 1000;
      tx.setMeta({ timer: { status: 'running', durationMs, endsAt: now + durationMs, remainingMs: durationMs } });
    },
  }),

  'timer.pause': rule<'timer.pause'>({
    who: 'facilitator',
    phases: 'open',
    run(tx) {
      const timer = tx.meta.timer;
      if (timer.status !== 'running') return fail('CONFLICT', 'The timer is not running.', { reason: 'timerNotRunning' });
      if (isInputLocked(tx.meta, tx.ctx.now)) return fail('CONFLICT', 'The timer has already run out.', { reason: 'timerRunOut' });
      const remainingMs = Math.max(0, (timer.endsAt ?? tx.ctx.now) - tx.ctx.now);
      tx.setMeta({ timer: { ...timer, status: 'paused', endsAt: null, remainingMs } });
    },
  }),

  'timer.add': rule<'timer.add'>({
    who: 'facilitator',
    phases: 'open',
    run(tx, cmd) {
      const timer = tx.meta.timer;
      const deltaMs = cmd.seconds * 1000;
      const now = tx.ctx.now;
      if (timer.status === 'running') {
        const endsAt = Math.max(now, Math.max(timer.endsAt ?? now, now) + deltaMs);
        tx.setMeta({ timer: { ...timer, endsAt, durationMs: Math.max(0, timer.durationMs + deltaMs) } });
      } else if (timer.status === 'paused') {
        tx.setMeta({ timer: { ...timer, remainingMs: Math.max(0, timer.remainingMs + deltaMs) } });
      } else {
        const durationMs = Math.max(0, timer.durationMs + deltaMs);
        tx.setMeta({ timer: { ...timer, durationMs, remainingMs: durationMs } });
      }
    },
  }),

  'timer.reset': rule<'timer.reset'>({
    who: 'facilitator',
    phases: 'open',
    run(tx) {
      if (tx.meta.timer.status === 'idle') return;
      tx.setMeta({ timer: idle(tx.meta.timer) });
    },
  }),

  'input.unlock': rule<'input.unlock'>({
    who: 'facilitator',
    phases: 'open',
    run(tx) {
      if (!isInputLocked(tx.meta, tx.ctx.now)) return;
      tx.setMeta({ timer: idle(tx.meta.timer) });
    },
  }),

  'participant.rename': rule<'participant.rename'>({
    who: 'facilitator',
    phases: 'always',
    run(tx, cmd) {
      const participant = tx.state.participants[cmd.participantId];
      if (!participant) return fail('NOT_FOUND', 'No such participant.');
      if (participant.name === cmd.name) return;
      tx.put('participants', participant.id, { ...participant, name: cmd.name });
    },
  }),

  'participant.remove': rule<'participant.remove'>({
    who: 'facilitator',
    phases: 'always',
    run(tx, cmd) {
      const participant = tx.state.participants[cmd.participantId];
      if (!participant) return fail('NOT_FOUND', 'No such participant.');
      if (participant.status === 'removed') return;
      tx.put('participants', participant.id, { ...participant, status: 'removed' });
    },
  }),

  'participant.restore': rule<'participant.restore'>({
    who: 'facilitator',
    phases: 'always',
    run(tx, cmd) {
      const participant = tx.state.participants[cmd.participantId];
      if (!participant) return fail('NOT_FOUND', 'No such participant.');
      if (participant.status !== 'removed') return fail('CONFLICT', 'Only a removed participant can be brought back.', { reason: 'notRemoved' });
      tx.put('participants', participant.id, { ...participant, status: 'active' });
    },
  }),

  'room.lock': rule<'room.lock'>({
    who: 'facilitator',
    phases: 'always',
    run(tx, cmd) {
      if (tx.meta.locked === cmd.locked) return;
      tx.setMeta({ locked: cmd.locked });
    },
  }),

  'participant.leave': rule<'participant.leave'>({
    who: 'participant',
    phases: 'always',
    run(tx, _cmd, me) {
      tx.put('participants', me.id, { ...me, status: 'left' });
    },
  }),
};
