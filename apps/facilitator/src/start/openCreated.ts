import { browserStorage, identities } from '@leadboard/client';
import type { CreatedWorkshop } from '@leadboard/core';
import { navigate } from '../router.js';

/** Keep a new workshop's keys on this browser and open its console. */
export function openCreated(created: CreatedWorkshop, title: string): void {
  const storage = browserStorage();
  identities.saveFacilitator(storage, created.code, created.facilitatorToken);
  identities.saveStageKey(storage, created.code, created.stageToken);
  identities.rememberWorkshop(storage, { code: created.code, title, openedAt: Date.now() });
  navigate(`/host/${created.code}`);
}
