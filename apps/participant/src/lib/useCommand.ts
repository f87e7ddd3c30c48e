import { computed, ref } from 'vue';
import type { CommandAck } from '@leadboard/core';

/**
 * The state of one kind of action on a screen: busy while its commands wait for their
 * acknowledgement, and the room's reason when one is refused.
 */
export function useCommand() {
  const inFlight = ref(0);
  const error = ref<string | null>(null);

  async function run(ack: Promise<CommandAck>): Promise<CommandAck> {
    inFlight.value++;
    error.value = null;
    try {
      const res = await ack;
      if (!res.ok) error.value = res.error.message;
      return res;
    } finally {
      inFlight.value--;
    }
  }

  return { busy: computed(() => inFlight.value > 0), error, run, clear: () => (error.value = null) };
}
