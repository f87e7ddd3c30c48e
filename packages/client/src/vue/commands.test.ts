import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { ref } from 'vue';
import type { CommandAck } from '@leadboard/core';
import { useCommand } from './commands.js';

function pending() {
  let resolve!: (ack: CommandAck) => void;
  const ack = new Promise<CommandAck>((r) => (resolve = r));
  return { ack, resolve };
}
const OK: CommandAck = { ok: true, result: {} };

beforeEach(() => setActivePinia(createPinia()));

describe('useCommand', () => {
  it('is busy until the command is acknowledged', async () => {
    const command = useCommand();
    const { ack, resolve } = pending();
    const done = command.run(ack);
    expect(command.busy.value).toBe(true);
    resolve(OK);
    expect(await done).toEqual(OK);
    expect(command.busy.value).toBe(false);
    expect(command.error.value).toBeNull();
  });

  it('keeps the refusal message, and clears it on the next try', async () => {
    const command = useCommand();
    const refused = { code: 'WRONG_PHASE', message: 'Spotlight works in the discussion.', reason: 'phase', params: { phase: 'vote' } } as const;
    await command.run(Promise.resolve({ ok: false, error: refused }));
    expect(command.error.value).toBe('Spotlight works in the discussion.');
    // The whole refusal too, so a screen can word it in its own language.
    expect(command.refusal.value).toEqual(refused);
    expect(command.busy.value).toBe(false);
    const { ack, resolve } = pending();
    const retry = command.run(ack);
    expect(command.error.value).toBeNull();
    expect(command.refusal.value).toBeNull();
    resolve(OK);
    await retry;
    expect(command.error.value).toBeNull();
  });

  it('stays busy while any of several commands is on its way', async () => {
    const command = useCommand();
    const one = pending();
    const two = pending();
    const first = command.run(one.ack);
    const second = command.run(two.ack);
    one.resolve(OK);
    await first;
    expect(command.busy.value).toBe(true);
    two.resolve(OK);
    await second;
    expect(command.busy.value).toBe(false);
  });

  it('records a check the control made itself, and clears it', () => {
    const command = useCommand();
    command.fail('Too long.');
    expect(command.error.value).toBe('Too long.');
    expect(command.refusal.value).toBeNull();
    command.clear();
    expect(command.error.value).toBeNull();
  });

  it('shares state between controls with the same key, and only with them', async () => {
    const button = useCommand('reveal');
    const message = useCommand('reveal');
    const other = useCommand('lock');
    const { ack, resolve } = pending();
    const done = button.run(ack);
    expect(message.busy.value).toBe(true);
    expect(other.busy.value).toBe(false);
    resolve({ ok: false, error: { code: 'WRONG_PHASE', message: 'Not yet.' } });
    await done;
    expect(message.error.value).toBe('Not yet.');
    message.clear();
    expect(button.error.value).toBeNull();
    // Without a key, two controls keep their own state.
    useCommand().fail('mine');
    expect(useCommand().error.value).toBeNull();
  });

  it('follows a key that changes', () => {
    const key = ref('edit:a');
    const command = useCommand(key);
    useCommand('edit:b').fail('B refused');
    expect(command.error.value).toBeNull();
    key.value = 'edit:b';
    expect(command.error.value).toBe('B refused');
  });
});
