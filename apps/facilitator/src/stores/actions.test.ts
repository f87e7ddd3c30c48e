import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { MemoryStorage } from '@leadboard/client';
import { FakeSession } from '../test/session.js';
import { useRoomStore } from './room.js';
import { useActionsStore } from './actions.js';

let fake: FakeSession;

beforeEach(() => {
  setActivePinia(createPinia());
  fake = new FakeSession();
  useRoomStore().connect({ code: 'ABC234', role: 'facilitator', token: 'k', storage: new MemoryStorage(), createSession: fake.factory });
});

describe('actions store', () => {
  it('marks a control pending until its command is acknowledged', async () => {
    const actions = useActionsStore();
    const done = actions.run('phase:next', { type: 'phase.set', phase: 'framing' });
    expect(fake.sent).toEqual([{ type: 'phase.set', phase: 'framing' }]);
    expect(actions.pending('phase:next')).toBe(true);
    expect(actions.pending('reveal')).toBe(false);
    fake.answer();
    expect((await done).ok).toBe(true);
    expect(actions.pending('phase:next')).toBe(false);
    expect(actions.error('phase:next')).toBeNull();
  });

  it('keeps the refusal message for the control, and clears it on the next try', async () => {
    const actions = useActionsStore();
    const refused = actions.run('spotlight:s1', { type: 'spotlight.set', scenarioId: 's1' });
    fake.answer({ ok: false, error: { code: 'WRONG_PHASE', message: 'Spotlight works in the discussion.' } });
    await refused;
    expect(actions.error('spotlight:s1')).toBe('Spotlight works in the discussion.');
    expect(actions.pending('spotlight:s1')).toBe(false);
    const retry = actions.run('spotlight:s1', { type: 'spotlight.set', scenarioId: 's1' });
    expect(actions.error('spotlight:s1')).toBeNull();
    fake.answer();
    await retry;
    expect(actions.error('spotlight:s1')).toBeNull();
  });

  it('stays pending while any of several clicks is in flight', async () => {
    const actions = useActionsStore();
    const one = actions.run('timer:add', { type: 'timer.add', seconds: 60 });
    const two = actions.run('timer:add', { type: 'timer.add', seconds: 60 });
    fake.answer();
    await one;
    expect(actions.pending('timer:add')).toBe(true);
    fake.answer();
    await two;
    expect(actions.pending('timer:add')).toBe(false);
  });

  it('lets a control record a check it made itself, and dismiss it', () => {
    const actions = useActionsStore();
    actions.fail('import', 'Too long.');
    expect(actions.error('import')).toBe('Too long.');
    actions.dismiss('import');
    expect(actions.error('import')).toBeNull();
  });
});
