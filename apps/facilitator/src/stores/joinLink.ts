import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import { browserStorage, joinLink, readJson, request } from '@leadboard/client';
import type { JoinAddresses } from '@leadboard/core';

const CHOICE_KEY = 'leadboard:host:join-origin';

/** Hosts only this machine can open: a link on them reaches no phone. */
export function isLoopbackHost(hostname: string): boolean {
  const name = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return name === 'localhost' || name.endsWith('.localhost') || name === '::1' || /^127\.\d+\.\d+\.\d+$/.test(name);
}

export interface JoinOriginChoice {
  /** The origin the join link and the QR code use. */
  origin: string;
  /** Addresses the facilitator may choose between (this machine's LAN addresses). */
  choices: string[];
  /** Why phones cannot open the link (`join.problem.<reason>` in the catalogue says what to do about it). */
  problem: 'loopback' | null;
}

/**
 * Which address phones should open: PUBLIC_URL when the server has one; the console's own address
 * when it is not this machine's loopback; otherwise a LAN address of this machine (the facilitator's
 * choice when there are several); otherwise localhost, with a warning that says what to do.
 */
export function chooseJoinOrigin(location: { origin: string; hostname: string }, addresses: JoinAddresses | null, chosen: string | null): JoinOriginChoice {
  if (addresses?.publicUrl) return { origin: addresses.publicUrl, choices: [], problem: null };
  if (!isLoopbackHost(location.hostname)) return { origin: location.origin, choices: [], problem: null };
  const lan = addresses?.lan ?? [];
  if (lan.length) return { origin: chosen && lan.includes(chosen) ? chosen : lan[0]!, choices: lan, problem: null };
  return {
    origin: location.origin,
    choices: [],
    problem: addresses ? 'loopback' : null,
  };
}

/** The join link every screen of this browser shows: console, stage, copy button, QR code. */
export const useJoinLinkStore = defineStore('joinLink', () => {
  const storage = browserStorage();
  const addresses = ref<JoinAddresses | null>(null);
  const chosen = ref<string | null>(readJson<string>(storage, CHOICE_KEY));
  const loaded = ref(false);

  async function load(): Promise<void> {
    if (loaded.value) return;
    loaded.value = true;
    try {
      const res = await request('/api/addresses', { headers: { accept: 'application/json' } });
      addresses.value = (await res.json()) as JoinAddresses;
    } catch {
      // Without the server's answer, the console's own address is the best guess.
    }
  }

  const choice = computed(() => chooseJoinOrigin(window.location, addresses.value, chosen.value));

  function choose(origin: string): void {
    chosen.value = origin;
    storage.setItem(CHOICE_KEY, JSON.stringify(origin));
  }

  function linkFor(code: string): string {
    return joinLink(choice.value.origin, code);
  }

  return { addresses, choice, load, choose, linkFor };
});
